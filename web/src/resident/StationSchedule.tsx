import type { PublicSiteFeature } from '../lib/api';
import { useI18n } from '../lib/i18n';

/**
 * A station's opening hours and, when the activity records say, its activity days (the site's own records, else its
 * township's, labelled so): the usual day of the month with how many months it held, the next and the latest activity.
 * Rendered as rows of the station's details list.
 */
export function StationSchedule({ openingHours, site }: { openingHours: string; site: PublicSiteFeature | undefined }) {
  const { t } = useI18n();
  const days = site?.properties.activityDays ?? null;
  return (
    <>
      <dt>{t('site.openingHours')}</dt>
      <dd data-testid="station-hours">{openingHours || <span className="muted">{t('resident.noOpeningHours')}</span>}</dd>
      <dt>{t('resident.activityDays')}</dt>
      <dd data-testid="station-activity-days">
        {!days ? (
          <span className="muted">{t('resident.noActivityRecords')}</span>
        ) : (
          <>
            {days.dayOfMonth !== null && (
              <div>{t('resident.monthlyDay', { day: days.dayOfMonth, withDay: days.monthsWithDay, months: days.monthsWithActivity })}</div>
            )}
            {days.next && <div>{t('resident.nextActivity', { date: days.next })}</div>}
            {days.last && <div className="muted small">{t('resident.lastActivity', { date: days.last })}</div>}
            {days.scope === 'township' && <div className="muted small">{t('resident.townshipRecords')}</div>}
          </>
        )}
      </dd>
    </>
  );
}
