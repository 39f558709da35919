/**
 * A calendar date from a register cell: 2023-03-10, 2023/3/10, 2023.3.10, 2023年3月10日 or 20230310
 * (XLSX dates arrive as ISO text from read-table). Empty → null; not a real date → undefined.
 * @example parseDate('2023年3月10日') // '2023-03-10'
 */
export function parseDate(text: string): string | null | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}
