import { useI18n } from '../lib/i18n';
import { POINT_COLOR, ROUTE_COLOR } from './layers';

/** What the resident map's marks mean: your point, the reach circles, numbered nearest stations, the route. */
export function ResidentLegend({ minutes }: { minutes: number }) {
  const { t } = useI18n();
  return (
    <details className="resident-legend" data-testid="resident-legend" open={window.innerWidth >= 900}>
      <summary>{t('resident.legend')}</summary>
      <ul>
        <li><span className="lg-dot" style={{ background: POINT_COLOR }} /> {t('resident.legendPoint')}</li>
        <li><span className="lg-circle" /> {t('resident.legendCircles', { minutes })}</li>
        <li><span className="lg-rank">1</span> {t('resident.legendRank')}</li>
        <li><span className="lg-line" style={{ background: ROUTE_COLOR }} /> {t('resident.legendRoute')}</li>
      </ul>
    </details>
  );
}
