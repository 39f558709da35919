import { useI18n } from '../lib/i18n';
import { formatCount } from './format';
import { COVERED_COLOR, GAP_BREAKS, GAP_COLORS } from './layers';

/** Legend of the coverage layer: the covered-area fill and the gap population classes. */
export function GapLegend({ minutes, compact = false }: { minutes: number; compact?: boolean }) {
  const { t } = useI18n();
  const labels = GAP_COLORS.map((_, i) =>
    i === 0 ? `< ${formatCount(GAP_BREAKS[0])}` : i === GAP_BREAKS.length ? `≥ ${formatCount(GAP_BREAKS[i - 1])}` : `${formatCount(GAP_BREAKS[i - 1])}–${formatCount(GAP_BREAKS[i])}`,
  );
  return (
    <div className={`gap-legend${compact ? ' compact' : ''}`} data-testid="gap-legend">
      <div className="gap-legend-row">
        <span className="gap-swatch" style={{ background: `${COVERED_COLOR}55`, borderColor: COVERED_COLOR }} />
        <span>{t('coverage.legendCovered', { minutes })}</span>
      </div>
      {compact && <div className="gap-legend-caption">{t('coverage.legend')}</div>}
      <div className="gap-ramp">
        {GAP_COLORS.map((c, i) => (
          <span key={c} className="gap-ramp-step">
            <span className="gap-ramp-color" style={{ background: c }} />
            <span className="gap-ramp-label">{labels[i]}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
