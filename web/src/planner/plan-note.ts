import type { I18n } from '../lib/i18n';
import { fmtInt, fmtPct } from './format';
import type { PlanResult } from './planner-api';

type Optimality = PlanResult['optimality'];

/** The optimality note in the reader's language, from the API's stable `noteCode` and its numbers. */
export function planNoteText(opt: Optimality, t: I18n['t']): string {
  const p = opt.noteParams;
  const num = (k: string) => Number(p[k]);
  const method = typeof p.boundMethod === 'string' ? t(`plan.bm.${p.boundMethod as NonNullable<Optimality['boundMethod']>}`) : '';
  return t(`plan.note.${opt.noteCode}`, {
    reference: fmtInt(num('reference')), reached: fmtPct(num('reached'), 2), gap: fmtPct(num('gap'), 2), method,
    target: fmtPct(num('target'), 0), maxShare: fmtPct(num('maxShare'), 2), lowerBound: fmtInt(num('lowerBound')), sites: fmtInt(num('sites')),
  });
}

/** How the plan was made and where its candidates came from, in the reader's language. */
export function planSolverText(r: PlanResult, t: I18n['t']): { solver: string; source: string } {
  const checked = r.optimality.exactStatus !== undefined && r.optimality.exactStatus !== null;
  return {
    solver: t(`plan.solver.${r.objective}`) + (checked ? t('plan.solver.checked') : ''),
    source: t(`plan.source.${r.candidateSourceCode}`, { cell: 'candidateCellMeters' in r ? fmtInt(Number(r.candidateCellMeters)) : '' }),
  };
}
