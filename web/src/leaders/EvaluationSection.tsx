import { Fragment, useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { keys, queryClient } from '../lib/queries';
import { useI18n } from '../lib/i18n';
import { useAbilities } from '../auth/session';
import type { Township } from '../lib/api';
import { leadersApi, reportUrls, type Evaluation, type FieldCheck, type RulesInput } from './leaders-api';
import { townshipLabel } from '../lib/names';

const fmtValue = (v: number | null, kind: string | undefined) =>
  v === null ? '—' : kind === 'share' ? `${(v * 100).toFixed(1)}%` : kind === 'count' ? v.toFixed(1) : v.toFixed(0);

/** Prints the township's (or district's) print page in a hidden frame: the browser's print dialog, nothing else. */
function printUrl(url: string) {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}

interface Props {
  year: number;
  evaluation: Evaluation | null;
  townships: readonly Township[];
  onChanged: () => void;
  notify: (title: string) => void;
  notifyError: (e: unknown) => void;
}

/** 综合评估排位: the townships' ranking with each scorecard, the detachments' ranking, the method, reports, rules and field checks. */
export function EvaluationSection({ year, evaluation: ev, townships, onChanged, notify, notifyError }: Props) {
  const { t, lang } = useI18n();
  const { admin } = useAbilities();
  const [open, setOpen] = useState<string | null>(null);
  const urls = reportUrls(year, lang);
  if (!ev) return <p className="muted small">{t('leaders.loading')}</p>;
  const info = new Map(ev.indicators.map((i) => [i.id, i]));
  const name = (id: string) => (lang === 'zh' ? info.get(id)?.zh : info.get(id)?.en) ?? id;
  const tname = (code: string, fallback: string) => (lang === 'zh' ? fallback : townships.find((x) => x.code === code)?.nameEn || fallback);
  return (
    <div data-testid="evaluation">
      <div className="panel-section">
        <div className="section-head"><h3>{t('leaders.ranking')} · {year}</h3>
          <span className="muted small" data-testid="rules-status">{ev.rulesSaved ? t('leaders.rulesSaved') : t('leaders.rulesDefault')}</span></div>
        <p className="small report-links">
          <a href={urls.district('pdf')} target="_blank" rel="noreferrer" data-testid="pdf-district">{t('leaders.pdfDistrict')}</a>{' · '}
          <a href={urls.all} target="_blank" rel="noreferrer" data-testid="pdf-all">{t('leaders.pdfAll')}</a>{' · '}
          <button type="button" className="linklike" onClick={() => printUrl(urls.district('html'))}>{t('leaders.print')}</button>
        </p>
      </div>
      <div className="table-scroll">
        <table className="township-table" data-testid="ranking-table">
          <thead><tr><th className="num">{t('leaders.rank')}</th><th>{t('leaders.township')}</th><th className="num">{t('leaders.score')}</th><th>{t('leaders.missing')}</th><th /></tr></thead>
          <tbody>
            {ev.townships.map((x) => (
              <Fragment key={x.code}>
                <tr data-testid="ranking-row" data-code={x.code} className={open === x.code ? 'selected' : ''} onClick={() => setOpen(open === x.code ? null : x.code)}>
                  <td className="num">{x.rank ?? '—'}</td>
                  <td>{tname(x.code, x.name)}</td>
                  <td className="num">{x.score === null ? '—' : x.score.toFixed(2)}</td>
                  <td className="small muted">{x.missing.length || ''}</td>
                  <td className="small" onClick={(e) => e.stopPropagation()}>
                    <a href={urls.township(x.code, 'pdf')} target="_blank" rel="noreferrer" data-testid={`pdf-${x.code}`}>PDF</a>{' '}
                    <button type="button" className="linklike" data-testid={`print-${x.code}`} onClick={() => printUrl(urls.township(x.code, 'html'))}>{t('leaders.print')}</button>
                  </td>
                </tr>
                {open === x.code && (
                  <tr className="scorecard-row"><td colSpan={5}>
                    <table className="scorecard" data-testid="scorecard">
                      <thead><tr><th>{t('leaders.group')}</th><th>{t('leaders.indicator')}</th><th className="num">{t('leaders.value')}</th><th className="num">{t('leaders.target')}</th><th className="num">{t('leaders.indicatorScore')}</th><th className="num">{t('leaders.weight')}</th></tr></thead>
                      <tbody>
                        {x.indicators.filter((i) => i.weight > 0).map((i) => {
                          const inf = info.get(i.id);
                          return (
                            <tr key={i.id}>
                              <td>{lang === 'zh' ? inf?.groupZh : inf?.groupEn}</td><td>{name(i.id)}</td>
                              <td className="num">{fmtValue(i.value, inf?.valueKind)}</td><td className="num">{fmtValue(i.target, inf?.valueKind)}</td>
                              <td className="num">{i.score === null ? '—' : i.score.toFixed(1)}</td><td className="num">{i.weight}</td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </td></tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel-section">
        <h3>{t('leaders.detachments')}</h3>
        <table className="township-table" data-testid="detachment-table">
          <thead><tr><th className="num">{t('leaders.rank')}</th><th>{t('leaders.detachment')}</th><th className="num">{t('leaders.activities')}</th><th className="num">{t('leaders.score')}</th></tr></thead>
          <tbody>
            {ev.detachments.map((d) => (
              <tr key={d.code}><td className="num">{d.rank ?? '—'}</td><td>{d.name}</td>
                <td className="num">{d.indicators.find((i) => i.id === 'det_activities')?.value ?? 0}</td><td className="num">{d.score === null ? '—' : d.score.toFixed(1)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel-section">
        <h3>{t('leaders.method')}</h3>
        <p className="small muted" data-testid="evaluation-method">{ev.method[lang]}</p>
      </div>
      {/* The yearly rules are the admin's (PUT /api/evaluation/rules). */}
      {admin && <RulesEditor year={year} ev={ev} townships={townships} onSaved={() => { notify(t('leaders.rulesSavedToast', { year })); onChanged(); }} notifyError={notifyError} />}
      <FieldChecks year={year} townships={townships} onAdded={onChanged} notifyError={notifyError} />
    </div>
  );
}

/** Weights and targets of the year, and the entered scores (平台运营, 信息报送). */
function RulesEditor({ year, ev, townships, onSaved, notifyError }: { year: number; ev: Evaluation; townships: readonly Township[]; onSaved: () => void; notifyError: (e: unknown) => void }) {
  const { t, lang } = useI18n();
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [entered, setEntered] = useState<Record<string, Record<string, string>>>({});
  useEffect(() => {
    setWeights(Object.fromEntries(ev.indicators.map((i) => [i.id, String(i.weight)])));
    setEntered(Object.fromEntries(['platform', 'reporting'].map((id) => [id, Object.fromEntries(Object.entries(ev.entered[id] ?? {}).map(([k, v]) => [k, String(v)]))])));
  }, [ev]);
  const save = async () => {
    const rules: RulesInput = {
      indicators: ev.indicators.map((i) => ({ id: i.id, weight: Number(weights[i.id] || 0), ...(i.target !== null ? { target: i.target } : {}), rule: i.rule })),
      entered: Object.fromEntries(Object.entries(entered).map(([id, m]) => [id, Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)]))])),
      fieldChecksCount: ev.fieldChecksCount,
    };
    try {
      await leadersApi.saveRules(year, rules);
      onSaved();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <details className="panel-section" data-testid="rules-editor">
      <summary><b>{t('leaders.rules')}</b></summary>
      <p className="small muted">{t('leaders.rulesHint')}</p>
      <table className="scorecard">
        <tbody>
          {ev.indicators.map((i) => (
            <tr key={i.id}><td className="small">{lang === 'zh' ? i.groupZh : i.groupEn}</td><td className="small">{lang === 'zh' ? i.zh : i.en}</td>
              <td><input type="number" min={0} max={100} className="num-input" value={weights[i.id] ?? ''} data-testid={`weight-${i.id}`}
                onChange={(e) => setWeights({ ...weights, [i.id]: e.target.value })} /></td></tr>
          ))}
        </tbody>
      </table>
      <h4 className="small">{t('leaders.entered')}</h4>
      <table className="scorecard">
        <thead><tr><th>{t('leaders.township')}</th>{['platform', 'reporting'].map((id) => <th key={id}>{lang === 'zh' ? ev.indicators.find((x) => x.id === id)?.groupZh : ev.indicators.find((x) => x.id === id)?.groupEn}</th>)}</tr></thead>
        <tbody>
          {townships.map((tw) => (
            <tr key={tw.code}><td className="small">{townshipLabel(tw, lang)}</td>
              {['platform', 'reporting'].map((id) => (
                <td key={id}><input type="number" min={0} max={100} className="num-input" value={entered[id]?.[tw.code] ?? ''} data-testid={`entered-${id}-${tw.code}`}
                  onChange={(e) => setEntered({ ...entered, [id]: { ...entered[id], [tw.code]: e.target.value } })} /></td>
              ))}</tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button small primary" data-testid="save-rules" onClick={() => void save()}>{t('leaders.saveRules')}</button>
    </details>
  );
}

function FieldChecks({ year, townships, onAdded, notifyError }: { year: number; townships: readonly Township[]; onAdded: () => void; notifyError: (e: unknown) => void }) {
  const { t, lang } = useI18n();
  const checksQ = useQuery({ queryKey: keys.fieldChecks(year), queryFn: () => leadersApi.fieldChecks(year) });
  const checks: FieldCheck[] = checksQ.data ?? [];
  useEffect(() => {
    if (checksQ.error) notifyError(checksQ.error);
  }, [checksQ.error, notifyError]);
  const [draft, setDraft] = useState({ townshipCode: townships[0]?.code ?? '', date: `${year}-06-10`, inspector: '', score: '', notes: '' });
  const addM = useMutation({
    mutationFn: () => leadersApi.addFieldCheck({ ...draft, score: draft.score.trim() === '' ? null : Number(draft.score) }),
    onSuccess: () => {
      setDraft({ ...draft, inspector: '', score: '', notes: '' });
      void queryClient.invalidateQueries({ queryKey: keys.fieldChecks(year) });
      onAdded();
    },
    onError: notifyError,
  });
  const tname = (code: string) => { const x = townships.find((y) => y.code === code); return x ? (townshipLabel(x, lang)) : code; };
  return (
    <div className="panel-section" data-testid="field-checks">
      <h3>{t('leaders.fieldChecks')}</h3>
      {checks.length === 0 ? <p className="muted small">{t('leaders.noChecks')}</p> : (
        <table className="scorecard"><tbody>
          {checks.map((c) => <tr key={c.id}><td>{c.date}</td><td>{tname(c.townshipCode)}</td><td>{c.inspector}</td><td className="num">{c.score ?? '—'}</td><td className="small">{c.notes}</td></tr>)}
        </tbody></table>
      )}
      <div className="form-grid small">
        <select value={draft.townshipCode} onChange={(e) => setDraft({ ...draft, townshipCode: e.target.value })} data-testid="check-township">
          {townships.map((x) => <option key={x.code} value={x.code}>{townshipLabel(x, lang)}</option>)}
        </select>
        <input type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} aria-label={t('leaders.date')} />
        <input placeholder={t('leaders.inspector')} value={draft.inspector} onChange={(e) => setDraft({ ...draft, inspector: e.target.value })} data-testid="check-inspector" />
        <input type="number" min={0} max={100} placeholder={t('leaders.checkScore')} value={draft.score} onChange={(e) => setDraft({ ...draft, score: e.target.value })} data-testid="check-score" />
        <input placeholder={t('leaders.notes')} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
        <button type="button" className="button small" data-testid="check-add" onClick={() => addM.mutate()}>{t('leaders.add')}</button>
      </div>
    </div>
  );
}
