import { DEFAULT_SPEEDS } from '../../../api/src/engine/types';
import { useState } from 'react';
import { SITE_KINDS, type SiteKind } from '../../../api/src/schemas/sites';
import type { ImportCrs } from '../../../api/src/import/crs';
import type { Township } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { kindName, townshipLabel } from '../lib/names';
import { CrsChoice } from '../data/CrsChoice';
import { parseCandidateCsv, type CandidateList } from './candidate-csv';
import type { PlanRequest } from './planner-api';
import { DEFAULT_DEMAND_CHOICE, demandChoiceValid, demandFields, PlanDemandChoice } from './PlanDemandChoice';

type Mode = 'walk' | 'bike' | 'car';
const MINUTES = [5, 10, 15] as const;

interface Props {
  townships: readonly Township[];
  running: boolean;
  onRun: (req: PlanRequest) => void;
}

/** The optimiser's question: k new sites (or a coverage target), kind, travel, scope, candidates, exact check. */
export function PlanForm({ townships, running, onRun }: Props) {
  const { t, lang } = useI18n();
  const [objective, setObjective] = useState<'k' | 'target'>('k');
  const [k, setK] = useState(3);
  const [targetPct, setTargetPct] = useState(80);
  const [kind, setKind] = useState<SiteKind>('point');
  const [mode, setMode] = useState<Mode>('walk');
  const [minutes, setMinutes] = useState(15);
  const [older, setOlder] = useState(false);
  const [township, setTownship] = useState('');
  const [exact, setExact] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<ImportCrs | null>(null);
  const [list, setList] = useState<CandidateList | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [demandChoice, setDemandChoice] = useState(DEFAULT_DEMAND_CHOICE);

  const readList = async (f: File | null, c: ImportCrs | null) => {
    setList(null);
    setListError(null);
    if (!f || !c) return;
    try {
      setList(parseCandidateCsv(new Uint8Array(await f.arrayBuffer()), c));
    } catch (e) {
      setListError(e instanceof Error ? e.message : String(e));
    }
  };

  const kValid = Number.isInteger(k) && k >= 1 && k <= 200;
  const targetValid = targetPct >= 1 && targetPct <= 100;
  const listReady = !file || (crs !== null && list !== null && list.candidates.length > 0);
  const canRun = !running && (objective === 'k' ? kValid : targetValid) && listReady && demandChoiceValid(demandChoice);

  const run = () => {
    if (!canRun) return;
    onRun({
      ...(objective === 'k' ? { k } : { targetShare: targetPct / 100 }),
      kind, mode, minutes, older: mode === 'walk' && older, exact,
      ...(township ? { township } : {}),
      ...(file && list ? { candidates: list.candidates } : {}),
      ...demandFields(demandChoice),
    });
  };

  return (
    <form
      className="plan-form"
      data-testid="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <div className="segmented wide" role="radiogroup">
        <button type="button" role="radio" aria-checked={objective === 'k'} className={objective === 'k' ? 'on' : ''} onClick={() => setObjective('k')} data-testid="plan-objective-k">
          {t('plan.objectiveK')}
        </button>
        <button type="button" role="radio" aria-checked={objective === 'target'} className={objective === 'target' ? 'on' : ''} onClick={() => setObjective('target')} data-testid="plan-objective-target">
          {t('plan.objectiveTarget')}
        </button>
      </div>
      {objective === 'k' ? (
        <label className={`field${kValid ? '' : ' invalid'}`}>
          <span className="field-label">{t('plan.k')}</span>
          <input type="number" min={1} max={200} step={1} value={Number.isNaN(k) ? '' : k} onChange={(e) => setK(e.target.valueAsNumber)} data-testid="plan-k" />
          {!kValid && <span className="field-error">{t('plan.kInvalid')}</span>}
        </label>
      ) : (
        <label className={`field${targetValid ? '' : ' invalid'}`}>
          <span className="field-label">{t('plan.target')}</span>
          <input type="number" min={1} max={100} step={1} value={Number.isNaN(targetPct) ? '' : targetPct} onChange={(e) => setTargetPct(e.target.valueAsNumber)} data-testid="plan-target" />
          <span className="muted small">{t('plan.targetHint')}</span>
        </label>
      )}
      <div className="field-pair">
        <label className="field">
          <span className="field-label">{t('plan.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SiteKind)} data-testid="plan-kind">
            {SITE_KINDS.map((x) => (
              <option key={x} value={x}>{kindName(x, lang)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('plan.township')}</span>
          <select value={township} onChange={(e) => setTownship(e.target.value)} data-testid="plan-township">
            <option value="">{t('plan.allTownships')}</option>
            {townships.map((tw) => (
              <option key={tw.code} value={tw.code}>{townshipLabel(tw, lang)}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-pair">
        <label className="field">
          <span className="field-label">{t('plan.mode')}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} data-testid="plan-mode">
            {(['walk', 'bike', 'car'] as const).map((m) => (
              <option key={m} value={m}>{t(`plan.mode.${m}`)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('plan.minutes')}</span>
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="plan-minutes">
            {MINUTES.map((m) => (
              <option key={m} value={m}>{t('plan.minutesValue', { n: m })}</option>
            ))}
          </select>
        </label>
      </div>
      {mode === 'walk' && (
        <label className="check-row">
          <input type="checkbox" checked={older} onChange={(e) => setOlder(e.target.checked)} data-testid="plan-older" />
          <span>{t('plan.older', { speed: DEFAULT_SPEEDS.olderWalkKmh })}</span>
        </label>
      )}
      <PlanDemandChoice value={demandChoice} onChange={setDemandChoice} />
      <details className="plan-candidates" open={file !== null}>
        <summary>{t('plan.candidates')}</summary>
        <p className="muted small">{t('plan.candidatesHint')}</p>
        <input
          type="file"
          accept=".csv,.txt,text/csv"
          data-testid="plan-candidates-file"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            void readList(f, crs);
          }}
        />
        {file && (
          <>
            <CrsChoice name="plan-crs" testId="plan-crs" value={crs} onChange={(c) => { setCrs(c); void readList(file, c); }} />
            {list && (
              <p className="small" data-testid="plan-candidates-summary">
                {t('plan.candidatesRead', { n: list.candidates.length, bad: list.problems.length, encoding: list.encoding })}
              </p>
            )}
            {list?.problems.length ? (
              <ul className="problem-list small">
                {list.problems.slice(0, 8).map((p) => (
                  <li key={p.row}>{t('import.rowProblem', { row: p.row, message: p.message })}</li>
                ))}
              </ul>
            ) : null}
            {listError && <p className="field-error">{listError}</p>}
            <button type="button" className="link" onClick={() => { setFile(null); setList(null); }}>
              {t('plan.candidatesClear')}
            </button>
          </>
        )}
      </details>
      <label className="check-row" title={t('plan.exactHint')}>
        <input type="checkbox" checked={exact} onChange={(e) => setExact(e.target.checked)} data-testid="plan-exact" />
        <span>{t('plan.exact')}</span>
      </label>
      {exact && <p className="muted small exact-hint">{t('plan.exactHint')}</p>}
      <button type="submit" className="button primary wide" disabled={!canRun} data-testid="plan-run">
        {running ? t('plan.running') : t('plan.run')}
      </button>
    </form>
  );
}
