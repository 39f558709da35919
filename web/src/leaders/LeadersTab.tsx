import { useCallback, useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useI18n, type I18nKey } from '../lib/i18n';
import type { SiteFeature, Township } from '../lib/api';
import { leadersApi } from './leaders-api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataChanged } from '../lib/queries';
import { EvaluationSection } from './EvaluationSection';
import { VolunteersSection } from './VolunteersSection';
import { ActivitiesSection } from './ActivitiesSection';
import { LeaderImports } from './LeaderImports';
import { VolunteerChoropleth } from './VolunteerChoropleth';
import type { ChoroplethMeasure } from './volunteer-layers';
import { LeaderRequestStats } from '../requests/RequestStats';

type Section = 'evaluation' | 'volunteers' | 'activities' | 'requests' | 'import';
const SECTIONS: Section[] = ['evaluation', 'volunteers', 'activities', 'requests', 'import'];
const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: Math.max(1, THIS_YEAR - 2023 + 1) }, (_, i) => 2023 + i);

interface Props {
  map: MapLibreMap | null;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  notify: (title: string) => void;
  notifyError: (e: unknown) => void;
}

/** 评估 tab (leaders): the yearly evaluation and ranking, volunteers and activities against the plan's targets, their imports and printed reports. */
export function LeadersTab({ map, townships, sites, notify, notifyError }: Props) {
  const { t, lang } = useI18n();
  const [year, setYear] = useState(2023);
  const [section, setSection] = useState<Section>('evaluation');
  const [showMap, setShowMap] = useState(true);
  const [measure, setMeasure] = useState<ChoroplethMeasure>('residentRegistration');
  const today = new Date().toISOString().slice(0, 10);
  const date = `${year}-12-31` < today ? `${year}-12-31` : today;
  // The leaders' figures are `data` queries: an import or a new activity (`changed`) refetches them.
  const evaluationQ = useQuery({ queryKey: ['data', 'leaders', 'evaluation', year], queryFn: () => leadersApi.evaluation(year) });
  const volunteersQ = useQuery({ queryKey: ['data', 'leaders', 'volunteers', date], queryFn: () => leadersApi.volunteers(date), placeholderData: keepPreviousData });
  const summaryQ = useQuery({ queryKey: ['data', 'leaders', 'summary', year], queryFn: () => leadersApi.activitySummary(year), placeholderData: keepPreviousData });
  const evaluation = evaluationQ.data ?? null, volunteers = volunteersQ.data ?? null, summary = summaryQ.data ?? null;
  const failed = evaluationQ.error ?? volunteersQ.error ?? summaryQ.error;
  useEffect(() => {
    if (failed) notifyError(failed);
  }, [failed, notifyError]);
  const changed = useCallback(() => void dataChanged(), []);

  return (
    <div className="leaders-tab" data-testid="leaders-tab">
      <div className="panel-section leaders-head">
        <label className="small">{t('leaders.year')}{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="leaders-year">
            {YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <div className="segmented" role="tablist">
          {SECTIONS.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={section === s} className={section === s ? 'active' : ''} data-testid={`leaders-section-${s}`} onClick={() => setSection(s)}>
              {t(`leaders.section.${s}` as I18nKey)}
            </button>
          ))}
        </div>
      </div>
      {section === 'evaluation' && <EvaluationSection year={year} evaluation={evaluation} townships={townships} onChanged={changed} notify={notify} notifyError={notifyError} />}
      {section === 'volunteers' && <VolunteersSection volunteers={volunteers} showMap={showMap} onShowMap={setShowMap} lang={lang} measure={measure} onMeasure={setMeasure} />}
      {section === 'activities' && <ActivitiesSection year={year} summary={summary} townships={townships} sites={sites} onChanged={changed} notify={notify} notifyError={notifyError} />}
      {section === 'requests' && <LeaderRequestStats />}
      {section === 'import' && <LeaderImports onDone={changed} notifyError={notifyError} />}
      <VolunteerChoropleth map={map} volunteers={volunteers} show={section === 'volunteers' && showMap} measure={measure} />
    </div>
  );
}
