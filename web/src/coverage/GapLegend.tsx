import { useI18n } from '../lib/i18n';
import { COVERED_COLOR, GAP_BREAKS, GAP_COLORS } from './layers';

/** Legend of the coverage layer: the covered-area fill and the gap population classes (break values under the class edges). */
export function GapLegend({ minutes, compact = false }: { minutes: number; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`gap-legend${compact ? ' compact' : ''}`} data-testid="gap-legend">
      <div className="gap-legend-row">
        <span className="gap-swatch" style={{ background: `${COVERED_COLOR}55`, borderColor: COVERED_COLOR }} />
        <span>{t('coverage.legendCovered', { minutes })}</span>
      </div>
      {compact && <div className="gap-legend-caption">{t('coverage.legend')}</div>}
      <div className="gap-ramp" aria-label={t('coverage.legend')}>
        {GAP_COLORS.map((c) => (
          <span key={c} className="gap-ramp-color" style={{ background: c }} />
        ))}
      </div>
      <div className="gap-ramp-ticks">
        {GAP_BREAKS.map((b, i) => (
          <span key={b} style={{ left: `${((i + 1) / GAP_COLORS.length) * 100}%` }}>
            {b}
          </span>
        ))}
      </div>
    </div>
  );
}
