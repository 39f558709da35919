/**
 * Encodes text as GBK, the way Chinese Excel saves "CSV", for test inputs. Built by inverting the platform's
 * own `TextDecoder('gbk')` over every double-byte code, so no encoding library is needed; ASCII passes through.
 */
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable().get(ch);
    if (!bytes) throw new Error(`encodeGbk: ${ch} has no GBK code`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
