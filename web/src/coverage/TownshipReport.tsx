import { Fragment, useMemo, useState } from 'react';
import { useI18n, type I18nKey, type Lang } from '../lib/i18n';
import type { QuotaItem, TownshipRow } from './api';
import { kindName, townshipLabel } from '../lib/names';
import { formatCount, formatShare, quotaItemText, quotaProblems } from './format';
import { Headline } from './CoveragePanel';
import { olderShare, sortTownships, type SortKey } from './township-sort';
import type { CoverageState } from './use-coverage';
import { exportUrls } from '../data/data-api';
import { demandMethodText } from '../../../api/src/schemas/messages';

const COLUMNS: { key: SortKey; label: I18nKey; numeric?: boolean }[] = [
  { key: 'name', label: 'townships.name' },
  { key: 'population', label: 'townships.population', numeric: true },
  { key: 'covered', label: 'townships.covered', numeric: true },
  { key: 'share', label: 'townships.share', numeric: true },
  { key: 'olderShare', label: 'townships.olderShare', numeric: true },
  { key: 'quota', label: 'townships.quota' },
  { key: 'unplaced', label: 'townships.unplaced', numeric: true },
];

interface Props {
  coverage: CoverageState;
  onFocus: (code: string) => void;
}

/** 乡镇报表: per-township coverage and quota status, sortable; a row click zooms the map to the township. */
export function TownshipReport({ coverage, onFocus }: Props) {
  const { t, lang } = useI18n();
  const { report, focus } = coverage;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'code', desc: false });
  const rows = useMemo(() => (report ? sortTownships(report.townships, sort.key, sort.desc, lang) : []), [report, sort, lang]);
  if (!report) return <div className="panel-section"><Headline coverage={coverage} /></div>;

  const clickHeader = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' }));
  const unplacedTotal = report.townships.reduce((n, r) => n + r.unplaced, 0);
  const modeName = t(`mode.${report.mode}` as I18nKey);
  const approximate = report.townships.some((r) => r.approximate);
  const exports = exportUrls({ mode: report.mode, minutes: String(report.minutes), older: report.older ? 'true' : 'false' }).townships;

  return (
    <div className="township-report" data-testid="township-report">
      <div className="panel-section">
        <div className="section-head">
          <h3>{t('townships.title')}</h3>
          <span className={`muted small${coverage.loading ? ' stale' : ''}`} data-testid="townships-basis">
            {t('townships.basis', { minutes: report.minutes, mode: modeName })}
            {report.older ? ` · ${t('coverage.olderBadge')}` : ''}
          </span>
        </div>
        <p className="muted small township-notes">
          <span className="township-export" data-testid="township-export">
            {t('townships.export')} <a href={exports.xlsx} download>XLSX</a> · <a href={exports.csv} download>CSV</a>{' '}
          </span>
          {t('townships.clickHint')}
          {approximate && <> {t('townships.approximateNote')}</>}
          {report.demand.modelled && (
            <span className="badge modelled" title={demandMethodText(report.demand, lang)}>
              {t('coverage.modelled')}
            </span>
          )}
        </p>
      </div>
      <div className="table-scroll">
        <table className="township-table" data-testid="township-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.numeric ? 'num' : ''}
                  aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" data-testid={`sort-${c.key}`} onClick={() => clickHeader(c.key)}>
                    {t(c.label)}
                    <span className="sort-mark">{sort.key === c.key ? (sort.desc ? '▼' : '▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.code}
                data-testid="township-row"
                data-code={r.code}
                className={focus === r.code ? 'focused' : ''}
                tabIndex={0}
                onClick={() => onFocus(r.code)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onFocus(r.code);
                  }
                }}
              >
                <td className="name">
                  {townshipLabel(r, lang)}
                  {r.approximate && <span className="approx-mark" title={t('townships.approximateNote')}>≈</span>}
                </td>
                <td className="num">{formatCount(r.population)}</td>
                <td className="num">{formatCount(r.covered)}</td>
                <td className="num share-cell" data-testid="township-share" data-level={shareLevel(r.share, report.totals.share)}>
                  <ShareBar share={r.share} target={report.totals.share} />
                  {formatShare(r.share)}
                </td>
                <td className="num">{formatShare(olderShare(r))}</td>
                <td className="quota"><QuotaCell items={r.quota} planned={r.plannedCounts} /></td>
                <td className="num">{r.unplaced || <span className="muted">0</span>}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="district-row">
              <td className="name">
                {t('townships.district')}
                <span className="muted small district-what" data-testid="district-what">{t('townships.districtWhat')}</span>
              </td>
              <td className="num">{formatCount(report.totals.population)}</td>
              <td className="num">{formatCount(report.totals.covered)}</td>
              <td className="num share-cell"><ShareBar share={report.totals.share} target={report.totals.share} />{formatShare(report.totals.share)}</td>
              <td className="num">{formatShare(report.totals.olderShare)}</td>
              <td className="quota"><QuotaCell items={report.district.quota} planned={report.district.plannedCounts} /></td>
              <td className="num">{unplacedTotal}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted small township-legend" data-testid="township-legend">
        <span className="share-swatch good" /> {t('townships.barAbove')}{' '}
        <span className="share-swatch warn" /> {t('townships.barBelow')}{' '}
        <span className="share-swatch bad" /> {t('townships.barFar')}
        <br />
        {t('townships.districtNote')}
      </p>
    </div>
  );
}

/** "达标" when every item is met, else the short (缺) and over (超) items, each as "kind actual/required". */
function QuotaCell({ items, planned }: { items: readonly QuotaItem[]; planned?: Record<string, number> }) {
  const { t, lang } = useI18n();
  const { short, over } = quotaProblems(items);
  // Quotas are judged on built (existing) sites; planned ones are listed apart, never counted as built.
  const plannedEntries = Object.entries(planned ?? {}).filter(([, n]) => n > 0);
  const plannedLine = plannedEntries.length > 0 && (
    <span className="quota-line" data-testid="quota-planned">
      <span className="quota-tag">{t('townships.planned')}</span>
      {plannedEntries.map(([k, n]) => `${kindName(k as never, lang)} ${n}`).join(lang === 'zh' ? '、' : ', ')}
    </span>
  );
  const met = items.filter((i) => i.status === 'met');
  const metLine = met.length > 0 && (
    <span className="quota-line" data-testid="quota-met-items">
      <span className="quota-tag met">✓ {t('townships.met')}</span>
      <QuotaItems items={met} lang={lang} />
    </span>
  );
  if (!short.length && !over.length)
    return (
      <>
        <span className="quota-met" data-testid="quota-met">✓ {t('townships.met')}</span>
        {metLine}
        {plannedLine}
      </>
    );
  return (
    <span className="quota-problems" data-testid="quota-short">
      <span className="quota-tag">{t('townships.built')}</span>
      {short.length > 0 && (
        <span className="quota-line">
          <span className="quota-tag short">{t('townships.short')}</span>
          <QuotaItems items={short} lang={lang} />
        </span>
      )}
      {over.length > 0 && (
        <span className="quota-line">
          <span className="quota-tag over">{t('townships.over')}</span>
          <QuotaItems items={over} lang={lang} />
        </span>
      )}
      {metLine}
      {plannedLine}
    </span>
  );
}

/** Items as "kind actual/required", each kept on one line, separated by 、 (zh) or commas (en). */
function QuotaItems({ items, lang }: { items: readonly QuotaItem[]; lang: Lang }) {
  return (
    <>
      {items.map((i, k) => (
        <Fragment key={`${i.kind}-${i.demonstration}`}>
          <span className="quota-item">
            {quotaItemText(i, lang)}
            {k < items.length - 1 ? (lang === 'zh' ? '、' : ',') : ''}
          </span>
          {k < items.length - 1 ? (lang === 'zh' ? <wbr /> : ' ') : null}
        </Fragment>
      ))}
    </>
  );
}

/** How a township's share compares with the district's: at or above it, below it, or under half of it. */
export function shareLevel(share: number | null, target: number | null): 'good' | 'warn' | 'bad' {
  if (share === null || target === null || target <= 0) return 'bad';
  if (share >= target) return 'good';
  return share >= target / 2 ? 'warn' : 'bad';
}

/** A small horizontal bar of the share (0–100 %) with a tick at the district share, coloured by {@link shareLevel}. */
function ShareBar({ share, target }: { share: number | null; target: number | null }) {
  return (
    <span className={`share-bar ${shareLevel(share, target)}`} aria-hidden="true">
      <span className="share-fill" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      {target !== null && <span className="share-target" style={{ left: `${Math.round(target * 100)}%` }} />}
    </span>
  );
}
