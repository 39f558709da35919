/** The match report of a county build: which current townships got a 2016 seat, by which rule, and the evidence. */
import type { Crosswalk } from './geodata-crosswalk.ts';
import type { Village2022 } from './geodata-read.ts';
import type { SeatDecision, SeatRule, TownshipRecord } from './geodata-seats.ts';
import { evidenceTable, seatTable } from './geodata-readme.ts';

export interface MatchSummary {
  code: string; name: string; townships: number; villages: number;
  byRule: Record<SeatRule, number>;
  /** Townships whose seat is approximate or unknown. */
  approximate: string[]; unknown: string[];
  /** 2016 townships whose villages went to no single current township. */
  oldWithoutDestination: string[];
}

interface MatchInput {
  code: string; name: string; cw: Crosswalk; decisions: SeatDecision[]; townships: TownshipRecord[]; villages2022: Village2022[];
}

/** Summary and Markdown text of the seat matching for one county. */
export function matchReport({ code, name, cw, decisions, townships, villages2022 }: MatchInput): { summary: MatchSummary; text: string } {
  const byRule: Record<SeatRule, number> = { 'same-name': 0, renamed: 0, 'village-match': 0, 'township-name': 0, none: 0 };
  for (const d of decisions) byRule[d.rule]++;
  const summary: MatchSummary = {
    code, name, townships: townships.length, villages: villages2022.length, byRule,
    approximate: townships.filter((t) => t.seatPrecision === 'approximate').map((t) => t.name),
    unknown: townships.filter((t) => t.seatPrecision === null).map((t) => t.name),
    oldWithoutDestination: [...cw.destination.entries()].filter(([, d]) => d === null).map(([o]) => o),
  };
  const list = (xs: string[]) => (xs.length ? xs.join('、') : 'none');
  const flagged = townships.filter((t) => t.seatPrecision !== 'seat-2016')
    .map((t) => `- **${t.name}** (${t.seatPrecision ?? 'no seat'}): ${t.seatMethod || 'No 2016 point and no village-name evidence; seat unknown (驻地未知).'}`);
  const text = `## Match report — ${name} (${code})

${townships.length} current townships, ${villages2022.length} villages/communities (all rows of the source; none placed:
villages have no coordinates in any source). Matched to a 2016 township: ${byRule['same-name']} by the same name,
${byRule.renamed} by the same name stem (renamed) — \`seat-2016\` where that row has a point; ${byRule['village-match']}
by village composition and ${byRule['township-name']} by a surviving township name — \`approximate\`; ${byRule.none}
not matched. Seats: ${townships.filter((t) => t.seatPrecision === 'seat-2016').length} seat-2016,
${summary.approximate.length} approximate, ${summary.unknown.length} unknown.
Approximate: ${list(summary.approximate)}. Unknown: ${list(summary.unknown)}.
2016 townships with no single destination: ${list(summary.oldWithoutDestination)}.

${seatTable(townships, decisions)}

### Approximate and unknown seats, with the evidence

${flagged.length ? flagged.join('\n') : 'None: every current township has the 2016 seat of a township of the same name or stem.'}

### Village-name crosswalk 2016 → current

${evidenceTable(cw, villages2022)}
`;
  return { summary, text };
}

/** One line per county for the console. */
export function summaryLine(s: MatchSummary): string {
  const r = s.byRule;
  const seat2016 = s.townships - s.approximate.length - s.unknown.length;
  return `${s.code} ${s.name}: ${s.townships} townships, ${s.villages} villages; seats ${seat2016} seat-2016 ` +
    `(rules: ${r['same-name']} same name, ${r.renamed} renamed, ${r['village-match']} village composition, ` +
    `${r['township-name']} township name, ${r.none} none), ${s.approximate.length} approximate` +
    `${s.approximate.length ? ` (${s.approximate.join('、')})` : ''}, ${s.unknown.length} unknown` +
    `${s.unknown.length ? ` (${s.unknown.join('、')})` : ''}`;
}
