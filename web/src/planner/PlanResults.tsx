import { useEffect, useRef, useState } from 'react';
import { beijingDate } from '../lib/beijing-time';
import { useI18n } from '../lib/i18n';
import { fmtInt, fmtPct, fmtSigned } from './format';
import { planNoteText, planSolverText } from './plan-note';
import type { PlanResult } from './planner-api';
import { demandMethodText } from './PlanDemandChoice';

interface Props {
  result: PlanResult;
  saving: boolean;
  onSave: (name: string) => void;
  onClear: () => void;
  onFocus: (lng: number, lat: number) => void;
}


/** The optimiser's answer: before/after, the optimality line, the ranked list, and "save as scenario". */
export function PlanResults({ result, saving, onSave, onClear, onFocus }: Props) {
  const { t, lang } = useI18n();
  const [name, setName] = useState(() => `${t('plan.defaultName')} ${beijingDate(Date.now(), 'zh')}`);
  const r = result;
  const opt = r.optimality;
  const gap = opt.gap ?? null;
  const unreachable = r.reachable === false;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a promise from scrollIntoView, and React would call it as a cleanup.
    box.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);

  return (
    <div className="plan-results" data-testid="plan-results" ref={box}>
      <div className="section-head">
        <h3>{t('plan.results')}</h3>
        <button type="button" className="link" onClick={onClear} data-testid="plan-clear">{t('plan.clear')}</button>
      </div>
      {unreachable && (
        <div className="form-error" data-testid="plan-unreachable">
          <strong>{t('plan.unreachable')}</strong>
          <div>{planNoteText(opt, t)}</div>
          {r.maxShare !== undefined && <div data-testid="plan-max-share">{t('plan.maxShare', { share: fmtPct(r.maxShare) })}</div>}
        </div>
      )}
      <table className="compare-table">
        <thead>
          <tr><th /><th>{t('compare.before')}</th><th>{t('compare.after')}</th><th>{t('compare.gain')}</th></tr>
        </thead>
        <tbody>
          <tr>
            <th>{t('compare.covered')}</th>
            <td data-testid="plan-before-covered">{fmtInt(r.before.covered)}</td>
            <td data-testid="plan-after-covered">{fmtInt(r.after.covered)}</td>
            <td className="gain">{fmtSigned(r.after.covered - r.before.covered)}</td>
          </tr>
          <tr>
            <th>{t('compare.share')}</th>
            <td>{fmtPct(r.before.share)}</td>
            <td data-testid="plan-after-share">{fmtPct(r.after.share)}</td>
            <td className="gain">{`+${((r.after.share - r.before.share) * 100).toFixed(1)} pp`}</td>
          </tr>
          <tr>
            <th>{t('compare.olderCovered')}</th>
            <td>{fmtInt(r.before.olderCovered)}</td>
            <td>{fmtInt(r.after.olderCovered)}</td>
            <td className="gain">{fmtSigned(r.after.olderCovered - r.before.olderCovered)}</td>
          </tr>
        </tbody>
      </table>
      <p className="optimality small" data-testid="plan-optimality">
        {opt.status === 'optimum-known' && (
          <span className="badge good">{t(opt.boundMethod === 'highs-optimum' || !opt.boundMethod ? 'plan.optimum' : 'plan.provenByBound')}</span>
        )}{' '}
        {gap !== null && <span className="badge" data-testid="plan-gap">{t('plan.gap', { gap: fmtPct(gap, 2) })}</span>}{' '}
        {opt.bound !== undefined && opt.boundMethod && (
          <span className="badge" data-testid="plan-bound">
            {t(opt.boundKind === 'lower' ? 'plan.boundLower' : r.demandMethod.kind === 'requests' ? 'plan.boundUpperRequests' : r.demandMethod.kind === 'blend' ? 'plan.boundUpperBlend' : 'plan.boundUpper', { value: fmtInt(opt.bound), method: t(`plan.bm.${opt.boundMethod}`) })}
          </span>
        )}{' '}
        <span data-testid="plan-note" title={opt.note}>{opt.status === 'unreachable' ? '' : planNoteText(opt, t)}</span>
        {opt.exactRefused && <><br /><strong data-testid="plan-exact-refused">{t('plan.exactRefused')}</strong></>}
        {opt.exactStatus === 'failed' && !opt.exactRefused && <><br /><strong data-testid="plan-exact-failed">{t('plan.exactFailed')}</strong></>}
        <br />
        <span className="muted" data-testid="plan-method">
          {t('plan.solverLine', { ...planSolverText(r, t), ms: fmtInt(r.timeMs), n: fmtInt(r.candidateCount) })}
        </span>
      </p>
      <p className="muted small">{lang === 'zh' ? r.travelDescriptionZh : r.travelDescription}{r.demand.modelled ? ` ${t('plan.modelledDemand')}` : ''}</p>
      {r.demandMethod.kind !== 'population' && <p className="small" data-testid="plan-demand-method">{demandMethodText(r.demandMethod, t)}</p>}
      {r.proposed.length > 0 && (
        <>
          <table className="rank-table" data-testid="plan-list">
            <thead>
              <tr><th>#</th><th>{t('plan.site')}</th><th>{t('plan.townshipCol')}</th><th>{t('plan.marginalGain')}</th></tr>
            </thead>
            <tbody>
              {r.proposed.map((p) => (
                <tr key={p.rank} data-testid="plan-row" onClick={() => onFocus(p.lng, p.lat)} className="clickable">
                  <td><span className="rank-dot role-result">{p.rank}</span></td>
                  <td className="name-cell">{p.name}</td>
                  <td>{p.townshipName ?? '–'}</td>
                  <td className="num" data-testid="plan-row-gain">{fmtInt(p.marginalGain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="save-row">
            <input className="search" value={name} onChange={(e) => setName(e.target.value)} data-testid="plan-save-name" aria-label={t('scenario.name')} />
            <button type="button" className="button primary" disabled={saving || !name.trim()} onClick={() => onSave(name.trim())} data-testid="plan-save">
              {saving ? t('site.saving') : t('plan.save')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
