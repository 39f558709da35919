import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import type { Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import { fmtInt, fmtPct, fmtSigned } from './format';
import type { LiveNumbers } from './live-coverage';
import type { Comparison, Scenario } from './planner-api';
import { ScenarioVersus } from './ScenarioVersus';

interface Props {
  scenario: Scenario;
  comparison: Comparison | null;
  comparing: boolean;
  /** Browser-side straight-line estimate of the network plus the proposals where they are now. */
  live: LiveNumbers | null;
  /** A proposal is being dragged or its drop is being saved: show the live numbers in the tables. */
  liveActive: boolean;
  townships: readonly Township[];
  accepting: boolean;
  onAccept: (siteIds?: string[]) => void;
  /** Takes an accepted proposal back (the API refuses once its planned site was touched). */
  onUnaccept: (proposalId: string) => void;
  /** The other saved scenarios, to compare this one with. */
  others: readonly Scenario[];
  /** The scenario chosen to compare with (B) and its comparison once loaded. */
  againstId: string | null;
  against: { scenario: Scenario; comparison: Comparison } | null;
  onAgainst: (id: string | null) => void;
  onFocus: (lng: number, lat: number) => void;
  onClose: () => void;
}

/** Side-by-side comparison of an open scenario with the current network (or with scenario B), per township and per proposal. */
export function ScenarioPanel({
  scenario, comparison: c, comparing, live, liveActive, townships, accepting, onAccept, onUnaccept, others, againstId, against, onAgainst, onFocus, onClose,
}: Props) {
  const { t, lang } = useI18n();
  const twName = (code: string | null) => {
    const tw = townships.find((x) => x.code === code);
    return tw ? (townshipLabel(tw, lang)) : '–';
  };
  const open = scenario.sites.filter((s) => !s.acceptedSiteId);
  const accepted = scenario.sites.filter((s) => s.acceptedSiteId);
  const network = c?.method === 'network';
  const shownAfter = liveActive && live ? live.covered : c?.after.covered;
  /** While dragging: the live straight-line estimate, marked with ≈; otherwise the API's comparison. */
  const showLive = liveActive && live !== null;

  return (
    <section className="scenario-panel" data-testid="scenario-panel" data-scenario-id={scenario.id}>
      <header className="scenario-panel-head">
        <div className="site-panel-title">
          <span className="muted small">{t('scenario.title')}</span>
          <h2 data-testid="scenario-title">{scenario.name}</h2>
          <span className="muted small">
            {t('scenario.meta', { n: open.length, accepted: accepted.length, mode: t(`plan.mode.${scenario.mode}`), minutes: scenario.minutes })}
            {scenario.older ? ` · ${t('plan.older', { speed: DEFAULT_SPEEDS.olderWalkKmh })}` : ''}
          </span>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')} data-testid="scenario-close">×</button>
      </header>
      <div className="scenario-panel-body">
        <label className="versus-pick">
          <span className="field-label">{t('versus.with')}</span>
          <select className="select" value={againstId ?? ''} onChange={(e) => onAgainst(e.target.value || null)} data-testid="versus-select">
            <option value="">{t('versus.current')}</option>
            {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        {againstId && !against && <p className="loading-row muted" data-testid="versus-loading" role="status"><span className="spinner" aria-hidden="true" />{t('compare.loading')}</p>}
        {c && against && <ScenarioVersus a={{ scenario, comparison: c }} b={against} townshipName={twName} />}
        <div className={`live-box${liveActive ? ' active' : ''}`} data-testid="live-box">
          <div>
            <span className="field-label">{t('live.covered')}</span>
            <strong className="live-number" data-testid="live-covered">{live ? fmtInt(live.covered) : '…'}</strong>
            <span className="muted" data-testid="live-share">{live ? fmtPct(live.share) : ''}</span>
          </div>
          <p className="muted small">{network ? t('live.networkNote') : t('live.note')}</p>
          {open.length > 0 && <p className="muted small">{t('live.dragHint')}</p>}
        </div>

        {!c ? (
          <p className="empty loading-row" data-testid="compare-loading" role="status">{comparing ? <><span className="spinner" aria-hidden="true" />{t('compare.loading')}</> : ''}</p>
        ) : (
          <>
            <table className="compare-table" data-testid="compare-totals">
              <thead>
                <tr><th /><th>{t('compare.before')}</th><th>{t('compare.after')}</th><th>{t('compare.gain')}</th></tr>
              </thead>
              <tbody>
                <tr>
                  <th>{t('compare.covered')}</th>
                  <td data-testid="compare-before-covered">{fmtInt(c.before.covered)}</td>
                  <td data-testid="compare-after-covered" className={showLive ? 'live' : ''}>
                    {showLive ? `≈${fmtInt(live!.covered)}` : fmtInt(c.after.covered)}
                  </td>
                  <td className="gain" data-testid="compare-gain-covered">
                    {shownAfter !== undefined ? fmtSigned(shownAfter - c.before.covered) : ''}
                  </td>
                </tr>
                <tr>
                  <th>{t('compare.share')}</th>
                  <td data-testid="compare-before-share">{fmtPct(c.before.share)}</td>
                  <td data-testid="compare-after-share" className={showLive ? 'live' : ''}>{showLive ? `≈${fmtPct(live!.share)}` : fmtPct(c.after.share)}</td>
                  <td className="gain">{`+${(((showLive ? live!.share : c.after.share) - c.before.share) * 100).toFixed(1)} pp`}</td>
                </tr>
                <tr>
                  <th>{t('compare.olderCovered')}</th>
                  <td>{fmtInt(c.before.olderCovered)}</td>
                  <td className={showLive ? 'live' : ''}>{showLive ? `≈${fmtInt(live!.olderCovered)}` : fmtInt(c.after.olderCovered)}</td>
                  <td className="gain">{fmtSigned((showLive ? live!.olderCovered : c.after.olderCovered) - c.before.olderCovered)}</td>
                </tr>
                <tr>
                  <th>{t('compare.uncovered')}</th>
                  <td>{fmtInt(c.gaps.uncoveredBefore)}</td>
                  <td className={showLive ? 'live' : ''}>
                    {showLive ? `≈${fmtInt(c.before.population - live!.covered)}` : fmtInt(c.gaps.uncoveredAfter)}
                  </td>
                  <td className="gain">
                    {fmtSigned((showLive ? c.before.population - live!.covered : c.gaps.uncoveredAfter) - c.gaps.uncoveredBefore)}
                  </td>
                </tr>
                <tr>
                  <th>{t('compare.gaps')}</th>
                  <td>{c.gaps.before}</td>
                  <td className={showLive ? 'live' : ''}>{showLive ? '…' : c.gaps.after}</td>
                  <td className="gain" data-testid="compare-gaps-closed">{t('compare.gapsClosed', { n: c.gaps.closed })}</td>
                </tr>
              </tbody>
            </table>
            <p className="muted small">{lang === 'zh' ? c.travelDescriptionZh : c.travelDescription}{c.demand.modelled ? ` ${t('plan.modelledDemand')}` : ''}</p>

            <div className="section-head">
              <h3>{t('compare.proposals')}</h3>
              {open.length > 0 && (
                <button type="button" className="button small primary" disabled={accepting} onClick={() => onAccept()} data-testid="accept-all">
                  {t('compare.acceptAll')}
                </button>
              )}
            </div>
            <table className="rank-table" data-testid="compare-proposals">
              <thead>
                <tr><th>#</th><th>{t('plan.site')}</th><th>{t('plan.townshipCol')}</th><th>{t('compare.newlyCovered')}</th><th>{t('plan.marginalGain')}</th><th /></tr>
              </thead>
              <tbody>
                {c.proposed.map((p) => (
                  <tr key={p.id} data-testid="compare-proposal" data-site-id={p.id}>
                    <td><span className="rank-dot role-scenario">{p.rank ?? '·'}</span></td>
                    <td className="name-cell clickable" onClick={() => onFocus(p.lng, p.lat)} title={kindName(p.kind, lang)}>{p.name}</td>
                    <td>{twName(p.townshipCode)}</td>
                    <td className="num" data-testid="proposal-newly">{fmtInt(p.newlyCovered)}</td>
                    <td className="num" data-testid="proposal-gain">{fmtInt(p.marginalGain)}</td>
                    <td>
                      <button type="button" className="button small" disabled={accepting} onClick={() => onAccept([p.id])} data-testid="accept-one">
                        {t('compare.accept')}
                      </button>
                    </td>
                  </tr>
                ))}
                {accepted.map((s) => (
                  <tr key={s.id} className="accepted" data-testid="compare-accepted">
                    <td><span className="rank-dot accepted">✓</span></td>
                    <td className="name-cell clickable" onClick={() => onFocus(s.lng, s.lat)}>{s.name}</td>
                    <td>{twName(s.townshipCode)}</td>
                    <td colSpan={2} className="muted small">{t('compare.accepted')}</td>
                    <td>
                      <button type="button" className="button small" disabled={accepting} onClick={() => onUnaccept(s.id)} data-testid="unaccept-one"
                        title={t('compare.unacceptHint')}>
                        {t('compare.unaccept')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>

            <h3 className="table-title">{t('compare.townships')}</h3>
            <table className="compare-table townships" data-testid="compare-townships">
              <thead>
                <tr>
                  <th>{t('plan.townshipCol')}</th><th>{t('compare.population')}</th><th>{t('compare.before')}</th>
                  <th>{t('compare.after')}</th><th>{t('compare.gain')}</th>
                </tr>
              </thead>
              <tbody>
                {c.townships.map((tw) => {
                  const liveCovered = showLive ? live!.townships[tw.code] : undefined;
                  const after = liveCovered ?? tw.after.covered;
                  const gain = after - tw.before.covered;
                  return (
                    <tr key={tw.code} data-testid="compare-township" data-code={tw.code} className={gain > 0 ? 'gained' : ''}>
                      <td>{twName(tw.code)}</td>
                      <td className="num">{fmtInt(tw.population)}</td>
                      <td className="num">{fmtPct(tw.before.share)}</td>
                      <td className={`num${liveCovered !== undefined ? ' live' : ''}`} data-testid="township-after">
                        {liveCovered !== undefined ? `≈${fmtPct(tw.population ? liveCovered / tw.population : 0)}` : fmtPct(tw.after.share)}
                      </td>
                      <td className="num" data-testid="township-gain">{gain ? fmtSigned(gain) : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
