import { useI18n } from '../lib/i18n';
import type { PlanRequest } from './planner-api';

/** What the plan weighs: residents, observed service requests, or a blend, and over which period. */
export interface DemandChoice { demand: 'population' | 'requests' | 'blend'; sharePct: number; from: string; to: string }
export const DEFAULT_DEMAND_CHOICE: DemandChoice = { demand: 'population', sharePct: 50, from: '', to: '' };

/** The plan request fields of a choice (none for residents, so older requests stay as they were). */
export function demandFields(c: DemandChoice): Partial<PlanRequest> {
  if (c.demand === 'population') return {};
  return {
    demand: c.demand, ...(c.demand === 'blend' ? { requestsShare: c.sharePct / 100 } : {}),
    ...(c.from ? { requestsFrom: c.from } : {}), ...(c.to ? { requestsTo: c.to } : {}),
  };
}

export const demandChoiceValid = (c: DemandChoice) =>
  (c.demand !== 'blend' || (c.sharePct >= 0 && c.sharePct <= 100)) && (!c.from || !c.to || c.from <= c.to);

/** "Plan with requests": a small select, the requests' share for a blend, and the period of the requests. */
export function PlanDemandChoice({ value, onChange }: { value: DemandChoice; onChange: (c: DemandChoice) => void }) {
  const { t } = useI18n();
  const set = (patch: Partial<DemandChoice>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="plan-demand" data-testid="plan-demand-choice">
      <label className="field">
        <span className="field-label">{t('plan.demandBy')}</span>
        <select value={value.demand} onChange={(e) => set({ demand: e.target.value as DemandChoice['demand'] })} data-testid="plan-demand">
          {(['population', 'requests', 'blend'] as const).map((d) => <option key={d} value={d}>{t(`plan.demandBy.${d}`)}</option>)}
        </select>
      </label>
      {value.demand !== 'population' && (
        <>
          {value.demand === 'blend' && (
            <label className={`field${value.sharePct >= 0 && value.sharePct <= 100 ? '' : ' invalid'}`}>
              <span className="field-label">{t('plan.requestsShare')}</span>
              <input type="number" min={0} max={100} step={5} value={Number.isNaN(value.sharePct) ? '' : value.sharePct}
                onChange={(e) => set({ sharePct: e.target.valueAsNumber })} data-testid="plan-requests-share" />
            </label>
          )}
          <div className="field-pair">
            <label className="field">
              <span className="field-label">{t('plan.requestsFrom')}</span>
              <input type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} data-testid="plan-requests-from" />
            </label>
            <label className={`field${!value.from || !value.to || value.from <= value.to ? '' : ' invalid'}`}>
              <span className="field-label">{t('plan.requestsTo')}</span>
              <input type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} data-testid="plan-requests-to" />
            </label>
          </div>
          <p className="muted small">{t('plan.demandByHint')}</p>
        </>
      )}
    </fieldset>
  );
}

type DemandMethod = import('./planner-api').PlanResult['demandMethod'];

/** The answer's demand method in the UI's language: how many requests, from when to when, the blend share. */
export function demandMethodText(m: DemandMethod, t: ReturnType<typeof useI18n>['t']): string {
  if (!('requests' in m)) return '';
  const parts = [t('plan.demandMethod.requests', { n: m.requests, from: m.from ?? '—', to: m.to ?? '—' })];
  if (m.share < 1) parts.push(t('plan.demandMethod.blend', { pct: Math.round(m.share * 100) }));
  if (m.villageOnly) parts.push(t('plan.demandMethod.villageOnly', { n: m.villageOnly }));
  parts.push(t('plan.demandMethod.covered', { before: m.requestsCoveredBefore, after: m.requestsCoveredAfter, n: m.requests }));
  return parts.join(t('plan.demandMethod.sep'));
}
