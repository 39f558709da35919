/** Finds a site or a team typed in a register by its id, register code or name (within the township when given). */

export interface NamedRecord { id: string; code?: string | null; name: string; townshipCode: string | null }

export type LookupResult<T> = { ok: true; record: T } | { ok: false; reason: 'not_found' | 'ambiguous' };

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * @example recordLookup(sites).find('朝天村新时代文明实践站', '510812100')
 */
export function recordLookup<T extends NamedRecord>(records: T[], stems: RegExp[] = []) {
  const byKey = new Map<string, T[]>();
  const add = (k: string, r: T) => {
    if (!k) return;
    const list = byKey.get(k) ?? [];
    if (!list.includes(r)) list.push(r);
    byKey.set(k, list);
  };
  const stem = (s: string) => stems.reduce((x, re) => x.replace(re, ''), s);
  for (const r of records) {
    add(clean(r.id), r);
    if (r.code) add(clean(r.code), r);
    add(clean(r.name), r);
    if (stems.length) add(`~${stem(clean(r.name))}`, r);
  }
  return {
    find(text: string, townshipCode: string | null = null): LookupResult<T> {
      const t = clean(text);
      let list = byKey.get(t) ?? (stems.length ? byKey.get(`~${stem(t)}`) : undefined) ?? [];
      if (list.length > 1 && townshipCode) list = list.filter((r) => r.townshipCode === townshipCode);
      if (list.length === 1) return { ok: true, record: list[0] };
      return { ok: false, reason: list.length ? 'ambiguous' : 'not_found' };
    },
  };
}
