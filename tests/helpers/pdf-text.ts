/**
 * Text of each page of a PDF, by Mozilla's pdf.js (no system tools needed). NFKC-normalised: the CJK font's
 * ToUnicode maps some ideographs to their Kangxi-radical look-alikes (⽺ U+2F7A for 羊), which NFKC folds back.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join('').normalize('NFKC'));
  }
  await doc.destroy();
  return pages;
}
