/** Pure sorting of the township report's rows. */
import type { TownshipRow } from './api';
import { quotaProblems } from './format';
import { townshipLabel } from '../lib/names';

export type SortKey = 'code' | 'name' | 'population' | 'covered' | 'share' | 'olderShare' | 'quota' | 'unplaced';

export const olderShare = (r: Pick<TownshipRow, 'olderCovered' | 'olderPopulation'>) => (r.olderPopulation > 0 ? r.olderCovered / r.olderPopulation : null);
const shortCount = (r: TownshipRow) => quotaProblems(r.quota).short.length + quotaProblems(r.quota).over.length;

/** Sort value of a row for a column (null sorts last). */
function sortValue(r: TownshipRow, key: SortKey, lang: string): number | string | null {
  switch (key) {
    case 'code': return r.code;
    case 'name': return townshipLabel(r, lang === 'en' ? 'en' : 'zh');
    case 'population': return r.population;
    case 'covered': return r.covered;
    case 'share': return r.share;
    case 'olderShare': return olderShare(r);
    case 'quota': return shortCount(r);
    case 'unplaced': return r.unplaced;
  }
}

/** Rows sorted by `key` (ascending or descending), ties and nulls kept in township-code order. */
export function sortTownships(rows: readonly TownshipRow[], key: SortKey, desc: boolean, lang = 'zh'): TownshipRow[] {
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN');
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key, lang);
    const vb = sortValue(b, key, lang);
    if (va === null || vb === null) return va === vb ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number);
    return c === 0 ? a.code.localeCompare(b.code) : desc ? -c : c;
  });
}
