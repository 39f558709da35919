import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useI18n, type I18nKey } from '../lib/i18n';
import type { SiteFeature, Township } from '../lib/api';
import { leadersApi, type ActivityInput, type ActivitySummary } from './leaders-api';
import { townshipLabel } from '../lib/names';
import { keys, queryClient } from '../lib/queries';

const PROJECTS = ['chaotian_talk', 'virtue', 'culture', 'customs', 'warmth', 'other'] as const;

interface Props {
  year: number;
  summary: ActivitySummary | null;
  townships: readonly Township[];
  sites: readonly SiteFeature[];
  onChanged: () => void;
  notify: (title: string) => void;
  notifyError: (e: unknown) => void;
}

/** Activities of the year: per township (count, monthly 10ths), teams against 12, demonstration targets, and the records. */
export function ActivitiesSection({ year, summary, townships, sites, onChanged, notify, notifyError }: Props) {
  const { t, lang } = useI18n();
  const listQ = useQuery({ queryKey: keys.activities(year), queryFn: () => leadersApi.activities(year) });
  const teamsQ = useQuery({ queryKey: keys.teams, queryFn: leadersApi.teams });
  const list = listQ.data ?? [], teams = teamsQ.data ?? [];
  const failed = listQ.error ?? teamsQ.error;
  useEffect(() => {
    if (failed) notifyError(failed);
  }, [failed, notifyError]);
  const blank = (): ActivityInput & { id?: string } => ({ date: `${year}-01-10`, siteId: null, townshipCode: null, teamId: null, project: 'other', participants: null, title: '' });
  const [draft, setDraft] = useState(blank);
  useEffect(() => setDraft(blank()), [year]); // eslint-disable-line react-hooks/exhaustive-deps
  /** After a write: the year's records refetch, and (through `onChanged`) the summary and evaluation. */
  const written = (title: string) => {
    notify(title);
    void queryClient.invalidateQueries({ queryKey: keys.activities(year) });
    onChanged();
  };
  const tname = (code: string | null) => { const x = townships.find((y) => y.code === code); return x ? (townshipLabel(x, lang)) : '—'; };
  const siteName = (id: string | null) => sites.find((s) => s.id === id)?.properties.name ?? '—';
  const saveM = useMutation({
    mutationFn: ({ id, ...body }: ActivityInput & { id?: string }) => (id ? leadersApi.editActivity(id, body) : leadersApi.addActivity(body)),
    onSuccess: () => {
      setDraft(blank());
      written(t('act.saved'));
    },
    onError: notifyError,
  });
  const removeM = useMutation({ mutationFn: leadersApi.deleteActivity, onSuccess: () => written(t('act.deleted')), onError: notifyError });
  const practice = sites.filter((s) => s.properties.kind === 'institute' || s.properties.kind === 'station' || s.properties.kind === 'center');
  return (
    <div data-testid="activities">
      <div className="panel-section"><h3>{t('act.title', { year })}</h3></div>
      {summary && (
        <>
          <div className="table-scroll">
            <table className="township-table" data-testid="activity-days-table">
              <thead><tr><th>{t('act.township')}</th><th className="num">{t('act.count')}</th><th>{t('act.days')}</th></tr></thead>
              <tbody>
                {summary.townships.map((x) => (
                  <tr key={x.code} data-code={x.code}>
                    <td>{townshipLabel(x, lang)}</td><td className="num">{x.count}</td>
                    <td><span className="days" title={`${x.activityDaysHeld}/${summary.monthsElapsed}`}>
                      {x.activityDays.map((d, i) => <i key={i} className={d ? 'on' : i >= summary.monthsElapsed ? 'na' : ''} title={`${i + 1}`} />)}
                    </span> <span className="small muted">{x.activityDaysHeld}/{summary.monthsElapsed}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="panel-section">
            <h3>{t('act.demo')}</h3>
            <ul className="plain-list small" data-testid="demo-targets">
              {summary.demonstrationTargets.map((d, i) => (
                <li key={i} data-status={d.status}>{d.siteName ?? `${d.township}${d.village ?? ''}`} — <b className={d.status === 'demonstration' ? 'ok' : 'short'}>
                  {t(d.status === 'demonstration' ? 'act.demoDone' : d.status === 'not_yet' ? 'act.demoNot' : 'act.demoNoSite')}</b> · {t('act.count')} {d.activities}</li>
              ))}
            </ul>
          </div>
          <div className="panel-section">
            <h3>{t('act.teams')}</h3>
            <table className="scorecard" data-testid="team-table"><tbody>
              {summary.teams.map((x) => <tr key={x.id}><td className="small">{x.name}</td><td className={`num ${x.met ? 'ok' : 'short'}`}>{x.count}/{x.target}</td></tr>)}
            </tbody></table>
          </div>
          <div className="panel-section">
            <h3>{t('act.sites')}</h3>
            <table className="scorecard" data-testid="site-activity-table"><tbody>
              {summary.sites.map((s) => <tr key={s.id}><td className="small">{s.name}</td><td className="num">{s.count}/{s.target}</td><td className="small muted">{t('act.latest')} {s.latest}</td></tr>)}
            </tbody></table>
          </div>
        </>
      )}
      <div className="panel-section" data-testid="activity-form">
        <h3>{draft.id ? t('act.editForm') : t('act.form')}</h3>
        <div className="form-grid small">
          <input type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} data-testid="act-date" aria-label={t('leaders.date')} />
          <input placeholder={t('act.titleField')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} data-testid="act-title" />
          <select value={draft.siteId ?? ''} onChange={(e) => setDraft({ ...draft, siteId: e.target.value || null })} data-testid="act-site" aria-label={t('act.site')}>
            <option value="">{t('act.site')} {t('act.none.site')}</option>
            {practice.map((s) => <option key={s.id} value={s.id}>{s.properties.name}</option>)}
          </select>
          <select value={draft.townshipCode ?? ''} onChange={(e) => setDraft({ ...draft, townshipCode: e.target.value || null })} data-testid="act-township" aria-label={t('act.township')}>
            <option value="">{t('act.township')} {t('act.none.site')}</option>
            {townships.map((x) => <option key={x.code} value={x.code}>{townshipLabel(x, lang)}</option>)}
          </select>
          <select value={draft.teamId ?? ''} onChange={(e) => setDraft({ ...draft, teamId: e.target.value || null })} data-testid="act-team" aria-label={t('act.team')}>
            <option value="">{t('act.team')} {t('act.none.site')}</option>
            {teams.filter((x) => x.level !== 'corps').map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
          <select value={draft.project} onChange={(e) => setDraft({ ...draft, project: e.target.value as ActivityInput['project'] })} data-testid="act-project" aria-label={t('act.project')}>
            {PROJECTS.map((p) => <option key={p} value={p}>{t(`project.${p}` as I18nKey)}</option>)}
          </select>
          <input type="number" min={0} placeholder={t('act.participants')} value={draft.participants ?? ''} data-testid="act-participants"
            onChange={(e) => setDraft({ ...draft, participants: e.target.value === '' ? null : Number(e.target.value) })} />
          <button type="button" className="button small primary" onClick={() => saveM.mutate(draft)} data-testid="act-save">{t('act.save')}</button>
          {draft.id && <button type="button" className="button small" onClick={() => setDraft(blank())}>{t('act.cancel')}</button>}
        </div>
      </div>
      <div className="panel-section">
        <h3>{t('act.list')}</h3>
        {list.length === 0 ? <p className="muted small">{t('act.none')}</p> : (
          <table className="scorecard" data-testid="activity-list"><tbody>
            {list.map((a) => (
              <tr key={a.id} data-testid="activity-row">
                <td className="small">{a.date}</td><td className="small">{a.title}</td><td className="small">{a.siteId ? siteName(a.siteId) : tname(a.townshipCode)}</td>
                <td className="small">{t(`project.${a.project}` as I18nKey)}</td>
                <td className="small"><button type="button" className="linklike" onClick={() => setDraft({ ...a, id: a.id })}>{t('act.edit')}</button>{' '}
                  <button type="button" className="linklike" onClick={() => removeM.mutate(a.id)}>{t('act.delete')}</button></td>
              </tr>
            ))}
          </tbody></table>
        )}
      </div>
    </div>
  );
}
