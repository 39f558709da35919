import { useEffect, useState } from 'react';
import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import type { SiteFeature, Township } from '../lib/api';
import { useI18n, type I18nKey } from '../lib/i18n';
import { nameLookups } from './names';
import type { CoverageReport, TravelMode } from './api';
import { formatCount, formatMinutes, formatShare } from './format';
import { GapLegend } from './GapLegend';
import { SegmentedRadio } from '../components/SegmentedRadio';
import { errorWords } from '../lib/error-words';
import type { CoverageState } from './use-coverage';
import { demandMethodText } from '../../../api/src/schemas/messages';

export const TIERS = [5, 10, 15] as const;
export const MODES: TravelMode[] = ['walk', 'bike', 'car'];

interface Props {
  coverage: CoverageState;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
}

/** The coverage tab: on/off, tier, mode and older-speed switches, headline numbers with method and provenance, gap list. */
export function CoveragePanel({ coverage, townships, sites }: Props) {
  const { t, lang } = useI18n();
  const { townshipName, siteName } = nameLookups(townships, sites, lang, t('gap.none'));
  const { settings, setSettings, report, panelOpened } = coverage;
  useEffect(() => panelOpened(), [panelOpened]);

  return (
    <div className="panel-section-list coverage-panel" data-testid="coverage-panel">
      <section className="panel-section">
        <label className="switch-row">
          <input type="checkbox" data-testid="coverage-toggle" checked={coverage.on} onChange={(e) => coverage.setOn(e.target.checked)} />
          <span>{t('coverage.show')}</span>
        </label>
        <div className="field coverage-field">
          <span className="field-label">{t('coverage.tier')}</span>
          <SegmentedRadio
            testId="coverage-tiers"
            optionTestId="tier"
            options={TIERS}
            value={settings.minutes}
            onChange={(minutes) => setSettings({ ...settings, minutes })}
            label={(n) => t('coverage.tierMinutes', { n })}
          />
          <span className="muted small">{t('coverage.tierNote')}</span>
        </div>
        <div className="field coverage-field">
          <span className="field-label">{t('coverage.mode')}</span>
          <SegmentedRadio
            testId="coverage-modes"
            optionTestId="mode"
            options={MODES}
            value={settings.mode}
            onChange={(mode) => setSettings({ ...settings, mode })}
            label={(m) => t(`mode.${m}` as I18nKey)}
          />
        </div>
        <label className={`switch-row${settings.mode !== 'walk' ? ' disabled' : ''}`}>
          <input
            type="checkbox"
            data-testid="coverage-older"
            disabled={settings.mode !== 'walk'}
            checked={settings.older && settings.mode === 'walk'}
            onChange={(e) => setSettings({ ...settings, older: e.target.checked })}
          />
          <span>
            {t('coverage.older', { speed: DEFAULT_SPEEDS.olderWalkKmh })}
            {settings.mode !== 'walk' && <span className="muted small"> · {t('coverage.olderWalkOnly')}</span>}
          </span>
        </label>
      </section>

      <section className="panel-section">
        <Headline coverage={coverage} />
      </section>

      {report && (
        <section className="panel-section">
          <div className="section-head">
            <h3>{t('coverage.legend')}</h3>
          </div>
          <GapLegend minutes={report.minutes} />
          <div className="section-head gap-list-head">
            <h3>{t('coverage.gapList')}</h3>
            <span className="muted small">{t('coverage.gapClickHint')}</span>
          </div>
          <ol className="gap-list" data-testid="gap-list">
            {report.gaps.features.slice(0, 8).map((g) => (
              <li key={g.properties.rank}>
                <button type="button" className="gap-item" data-testid="gap-item" data-rank={g.properties.rank} onClick={() => coverage.showGap(g.properties.rank)}>
                <span className="gap-rank">#{g.properties.rank}</span>
                <span className="gap-where">
                  {townshipName(g.properties.townshipCode)}
                  <span className="muted small">
                    {' · '}
                    {t('gap.nearest')} {siteName(g.properties.nearestSiteId)}
                    {g.properties.nearestMinutes !== null && ` ${t('gap.nearestMinutes', { minutes: formatMinutes(g.properties.nearestMinutes) })}`}
                  </span>
                </span>
                <span className="gap-pop">{formatCount(g.properties.population)}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/** The headline numbers, always with how they were computed and where the population comes from. */
export function Headline({ coverage }: { coverage: CoverageState }) {
  const { t, lang } = useI18n();
  const { report, loading, error } = coverage;
  const [showMethod, setShowMethod] = useState(false);
  if (error && !report)
    return (
      <div className="coverage-error" data-testid="coverage-error" role="alert" data-kind={errorWords(coverage.errorCause ?? error, lang).kind}>
        <strong>{t('coverage.error')}: {errorWords(coverage.errorCause ?? error, lang).title}</strong>{' '}
        <span>{errorWords(coverage.errorCause ?? error, lang).next}</span>{' '}
        {errorWords(coverage.errorCause ?? error, lang).detail && <span className="muted small" data-testid="coverage-error-detail">({errorWords(coverage.errorCause ?? error, lang).detail}) </span>}
        <button type="button" className="link" onClick={coverage.retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  if (!report) return <p className="muted loading-row" data-testid="coverage-loading"><span className="spinner" aria-hidden="true" />{t('coverage.loading')}</p>;
  const tot = report.totals;
  const modeName = t(`mode.${report.mode}` as I18nKey);
  return (
    <div
      className={`headline${loading ? ' stale' : ''}`}
      data-testid="coverage-headline"
      data-state={loading ? 'loading' : 'ready'}
      data-minutes={report.minutes}
      data-mode={report.mode}
      data-older={String(report.older)}
    >
      <div className="headline-title">
        <span>{t('coverage.summary', { minutes: report.minutes, mode: modeName })}</span>
        {report.older && <span className="badge">{t('coverage.olderBadge')}</span>}
        {loading && <span className="muted small">{t('coverage.loading')}</span>}
      </div>
      <div className="headline-grid">
        <div className="metric big">
          <span className="metric-value" data-testid="cov-share">{formatShare(tot.share)}</span>
          <span className="metric-label">{t('coverage.share')}</span>
        </div>
        <div className="metric big">
          <span className="metric-value" data-testid="cov-covered">{formatCount(tot.covered)}</span>
          <span className="metric-label">
            {t('coverage.covered')} <span className="muted">{t('coverage.ofPopulation', { n: formatCount(tot.population) })}</span>
          </span>
        </div>
        <div className="metric">
          <span className="metric-value" data-testid="cov-older-share">{formatShare(tot.olderShare)}</span>
          <span className="metric-label">{t('coverage.olderShare')}</span>
        </div>
        <div className="metric">
          <span className="metric-value bad" data-testid="cov-uncovered">{formatCount(tot.uncovered)}</span>
          <span className="metric-label">{t('coverage.uncovered')}</span>
        </div>
        <div className="metric">
          <span className="metric-value" data-testid="cov-gaps">{report.gaps.features.length}</span>
          <span className="metric-label">{t('coverage.gaps')}</span>
        </div>
        <div className="metric">
          <span className="metric-value" data-testid="cov-sites">{tot.sites}</span>
          <span className="metric-label">{t('coverage.sites')}</span>
        </div>
      </div>
      <p className="muted small" data-testid="cov-statuses">
        {t('coverage.statuses', { statuses: report.statuses.map((x) => t(`status.${x}` as I18nKey)).join(' + ') })}
      </p>
      {report.afterPlan && (
        <p className="small" data-testid="cov-after-plan">
          {t('coverage.afterPlan', { share: formatShare(report.afterPlan.share), covered: formatCount(report.afterPlan.covered) })}
        </p>
      )}
      {report.demand.olderSource === 'district-share' && (
        <p className="muted small" data-testid="cov-older-note">{t('coverage.olderNote')}</p>
      )}
      {report.demand.anchors && (
        <p className="muted small" data-testid="cov-anchored">{t('coverage.anchored', report.demand.anchors)}</p>
      )}
      <div className="method-box" data-testid="coverage-method" data-method={report.method}>
        <span className={`badge ${report.method === 'network' ? 'good' : 'warn'}`}>
          {t(report.method === 'network' ? 'coverage.method.network' : 'coverage.method.straight')}
        </span>{' '}
        <span>{methodText(report, lang)}</span>
      </div>
      <div className="provenance">
        <button
          type="button"
          className={`badge ${report.demand.modelled ? 'modelled' : 'good'} badge-button`}
          data-testid="demand-badge"
          title={demandMethodText(report.demand, lang)}
          aria-expanded={showMethod}
          onClick={() => setShowMethod((v) => !v)}
        >
          {t(report.demand.modelled ? 'coverage.modelled' : 'coverage.observed')} ⓘ
        </button>
        <span className="muted small">
          {t('coverage.demandSource', { points: formatCount(report.demand.points), population: formatCount(report.demand.population) })}
        </span>
        {showMethod && (
          <p className="method-text" data-testid="demand-method">
            {report.demand.modelled && <strong>{t('coverage.modelledNote')} </strong>}
            {demandMethodText(report.demand, lang)}
          </p>
        )}
      </div>
    </div>
  );
}

/** The method in the reader's language, as the API words it. */
export function methodText(report: CoverageReport, lang: string): string {
  return lang === 'en' ? report.travelDescription : report.travelDescriptionZh;
}
