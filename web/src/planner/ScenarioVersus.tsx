import { useI18n } from '../lib/i18n';
import { kindName } from '../lib/names';
import type { SiteKind } from '../../../api/src/schemas/sites';
import { fmtInt, fmtPct, fmtSigned } from './format';
import type { Comparison, Scenario } from './planner-api';

interface Side {
  scenario: Scenario;
  comparison: Comparison;
}

interface Props {
  a: Side;
  b: Side;
  townshipName: (code: string | null) => string;
}

/**
 * Scenario A against scenario B: both are compared with the same current network, so their "after" figures
 * (coverage, residents, gaps, township shares and quota shortfalls) can be set side by side.
 */
export function ScenarioVersus({ a, b, townshipName }: Props) {
  const { t, lang } = useI18n();
  const ca = a.comparison, cb = b.comparison;
  const sameTravel = ca.mode === cb.mode && ca.minutes === cb.minutes && ca.older === cb.older && ca.method === cb.method;
  const rows: { key: string; label: string; a: number; b: number; fmt: (x: number) => string; diff: (x: number) => string }[] = [
    { key: 'covered', label: t('compare.covered'), a: ca.after.covered, b: cb.after.covered, fmt: fmtInt, diff: fmtSigned },
    { key: 'share', label: t('compare.share'), a: ca.after.share, b: cb.after.share, fmt: (x) => fmtPct(x), diff: (x) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp` },
    { key: 'older', label: t('compare.olderCovered'), a: ca.after.olderCovered, b: cb.after.olderCovered, fmt: fmtInt, diff: fmtSigned },
    { key: 'uncovered', label: t('compare.uncovered'), a: ca.gaps.uncoveredAfter, b: cb.gaps.uncoveredAfter, fmt: fmtInt, diff: fmtSigned },
    { key: 'gaps', label: t('compare.gaps'), a: ca.gaps.after, b: cb.gaps.after, fmt: fmtInt, diff: fmtSigned },
    { key: 'sites', label: t('compare.proposals'), a: ca.proposed.length, b: cb.proposed.length, fmt: fmtInt, diff: fmtSigned },
  ];
  const bTownships = new Map(cb.townships.map((x) => [x.code, x]));
  const kinds = (list: readonly string[]) => list.map((k) => kindName(k as SiteKind, lang)).join('、');
  /** Quotas after A and B: the kinds only one of them is still short of; "same" when they leave the same shortfall. */
  const quotaWords = (a: readonly string[], b: readonly string[]) => {
    const onlyA = a.filter((k) => !b.includes(k)), onlyB = b.filter((k) => !a.includes(k));
    if (!onlyA.length && !onlyB.length) return a.length ? t('versus.quotaSame', { n: a.length }) : t('versus.quotaMet');
    return [onlyA.length ? `A ${t('versus.short')} ${kinds(onlyA)}` : '', onlyB.length ? `B ${t('versus.short')} ${kinds(onlyB)}` : ''].filter(Boolean).join('; ');
  };

  return (
    <section className="versus" data-testid="scenario-versus">
      <h3 className="table-title">{t('versus.title', { a: a.scenario.name, b: b.scenario.name })}</h3>
      {!sameTravel && <p className="notice warn small" data-testid="versus-travel-differs">{t('versus.travelDiffers')}</p>}
      <table className="compare-table" data-testid="versus-totals">
        <thead>
          <tr>
            <th />
            <th><span className="rank-dot role-scenario">A</span> {a.scenario.name}</th>
            <th><span className="rank-dot role-against">B</span> {b.scenario.name}</th>
            <th>{t('versus.diff')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`versus-${r.key}`}>
              <th>{r.label}</th>
              <td className="num" data-testid="versus-a">{r.fmt(r.a)}</td>
              <td className="num" data-testid="versus-b">{r.fmt(r.b)}</td>
              <td className={`num${r.a !== r.b ? ' gain' : ''}`} data-testid="versus-diff">{r.diff(r.a - r.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('versus.note')}</p>
      <table className="compare-table townships" data-testid="versus-townships">
        <thead>
          <tr>
            <th>{t('plan.townshipCol')}</th><th>A</th><th>B</th><th>{t('versus.diff')}</th><th>{t('versus.quotas')}</th>
          </tr>
        </thead>
        <tbody>
          {ca.townships.map((x) => {
            const y = bTownships.get(x.code);
            if (!y) return null;
            const diff = x.after.covered - y.after.covered;
            return (
              <tr key={x.code} data-testid="versus-township" data-code={x.code} className={diff !== 0 ? 'gained' : ''}>
                <td>{townshipName(x.code)}</td>
                <td className="num">{fmtPct(x.after.share)}</td>
                <td className="num">{fmtPct(y.after.share)}</td>
                <td className="num">{diff ? fmtSigned(diff) : '–'}</td>
                <td className="small wrap" data-testid="versus-quota" title={`A: ${kinds(x.quotaShort.after) || '–'}\nB: ${kinds(y.quotaShort.after) || '–'}`}>
                  {quotaWords(x.quotaShort.after, y.quotaShort.after)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
