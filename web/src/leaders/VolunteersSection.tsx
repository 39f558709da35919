import { Fragment, useState } from 'react';
import { useI18n } from '../lib/i18n';
import type { Volunteers } from './leaders-api';
import { CHOROPLETH_MEASURES, type ChoroplethMeasure } from './volunteer-layers';
import { townshipLabel } from '../lib/names';

type Standing = Volunteers['townships'][number]['standing'];
type Rate = Standing['residentRegistration'];

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function RateCell({ r, testId }: { r: Rate; testId?: string }) {
  const { t } = useI18n();
  if (r.count === null) return <td className="muted small" data-testid={testId}>{t('vol.noData')}</td>;
  if (r.rate === null) return <td className="muted small" data-testid={testId}>{r.count.toLocaleString('en-US')} · {t('vol.noPopulation')}</td>;
  return <td className={`num ${r.met ? 'ok' : 'short'}`} data-testid={testId}>{pct(r.rate)}{r.shortPeople ? <span className="short-people"> −{r.shortPeople.toLocaleString('en-US')}</span> : null}</td>;
}

/** Volunteers against the plan's targets per township (click to list its villages); what is short, in people. */
export function VolunteersSection({ volunteers, showMap, onShowMap, lang, measure, onMeasure }: {
  volunteers: Volunteers | null; showMap: boolean; onShowMap: (v: boolean) => void; lang: 'zh' | 'en';
  measure?: ChoroplethMeasure; onMeasure?: (m: ChoroplethMeasure) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  if (!volunteers) return <p className="muted small">{t('leaders.loading')}</p>;
  return (
    <div data-testid="volunteers">
      <div className="panel-section">
        <h3>{t('vol.title')}</h3>
        <p className="small muted">{t('vol.targets')} · {t('vol.asOf')} {volunteers.date}</p>
        <label className="small"><input type="checkbox" checked={showMap} onChange={(e) => onShowMap(e.target.checked)} data-testid="vol-map" /> {t('vol.map')}</label>
        {showMap && measure && onMeasure && (
          <div className="segmented vol-measure" role="radiogroup" aria-label={t('vol.measure')} data-testid="vol-measure">
            {CHOROPLETH_MEASURES.map((m) => (
              <button key={m} type="button" role="radio" aria-checked={measure === m} className={measure === m ? 'on' : ''} onClick={() => onMeasure(m)} data-testid={`vol-measure-${m}`}>
                {t(`vol.measure.${m}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="table-scroll">
        <table className="township-table" data-testid="volunteer-table">
          <thead><tr><th>{t('leaders.township')}</th><th className="num">{t('vol.rate')}</th><th className="num">{t('vol.cadreReg')}</th><th className="num">{t('vol.cadrePart')}</th><th className="num">{t('vol.resPart')}</th><th>{t('vol.asOf')}</th></tr></thead>
          <tbody>
            {volunteers.townships.map((x) => (
              <Fragment key={x.code}>
                <tr data-testid="vol-row" data-code={x.code} onClick={() => setOpen(open === x.code ? null : x.code)}>
                  <td>{townshipLabel(x, lang)}{x.populationModelled && <span className="badge modelled" title={t('vol.modelled')}>{t('vol.modelled')}</span>}</td>
                  <RateCell r={x.standing.residentRegistration} testId={`vol-rate-${x.code}`} />
                  <RateCell r={x.standing.cadreRegistration} />
                  <RateCell r={x.standing.cadreParticipation} />
                  <RateCell r={x.standing.residentParticipation} />
                  <td className="small muted">{x.date ?? '—'}</td>
                </tr>
                {open === x.code && x.villages.map((v) => (
                  <tr key={v.code} className="sub-row" data-testid="vol-village">
                    <td className="small">　{v.shortName}</td>
                    <RateCell r={v.standing.residentRegistration} />
                    <RateCell r={v.standing.cadreRegistration} />
                    <RateCell r={v.standing.cadreParticipation} />
                    <RateCell r={v.standing.residentParticipation} />
                    <td className="small muted">{v.date ?? '—'}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
            <tr className="total-row" data-testid="vol-district"><td>{lang === 'zh' ? '全区' : 'District'} <span className="small muted">({volunteers.district.townshipsReporting}/{volunteers.district.townshipsTotal})</span></td>
              <RateCell r={volunteers.district.standing.residentRegistration} /><RateCell r={volunteers.district.standing.cadreRegistration} />
              <RateCell r={volunteers.district.standing.cadreParticipation} /><RateCell r={volunteers.district.standing.residentParticipation} /><td /></tr>
          </tbody>
        </table>
      </div>
      <p className="small muted panel-section">{lang === 'zh' ? volunteers.methodZh : volunteers.method}</p>
    </div>
  );
}
