import { useState } from 'react';
import { useI18n, type I18nKey } from '../lib/i18n';
import { IssueTable, SummaryLine } from '../data/ImportPreview';
import { leadersApi, reportUrls, type LeaderImportKind, type LeaderImportResult } from './leaders-api';

/** One import (volunteers, teams or activities): choose a file, preview its problems by row, then import. */
function LeaderImport({ kind, onDone, notifyError }: { kind: LeaderImportKind; onDone: () => void; notifyError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<LeaderImportResult | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (mode: 'preview' | 'commit') => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await leadersApi.importFile(kind, file, mode, skip);
      setResult(r);
      if (mode === 'commit') onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel-section" data-testid={`limp-${kind}`}>
      <div className="section-head">
        <h3>{t(`limp.${kind}` as I18nKey)}</h3>
        <a className="small" href={reportUrls(0, 'zh').template(kind)} download data-testid={`limp-${kind}-template`}>{t('limp.template')}</a>
      </div>
      <label className="small">
        {t('limp.choose')}{' '}
        <input type="file" accept=".csv,.xlsx,.txt" data-testid={`limp-${kind}-file`} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
      </label>
      <div className="button-row">
        <button type="button" className="button small" disabled={!file || busy} data-testid={`limp-${kind}-preview`} onClick={() => void run('preview')}>{t('limp.preview')}</button>
        <label className="small"><input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid={`limp-${kind}-skip`} /> {t('limp.skipInvalid')}</label>
        <button type="button" className="button small primary" disabled={!file || busy} data-testid={`limp-${kind}-commit`} onClick={() => void run('commit')}>{t('limp.commit')}</button>
      </div>
      {result && (
        <>
          <SummaryLine summary={result.summary} testId={`limp-${kind}-summary`} />
          {result.committed && <p className="ok-note small" data-testid={`limp-${kind}-done`}>{t('limp.done', { n: result.committed.written })}</p>}
          <IssueTable issues={result.issues} testId={`limp-${kind}-issues`} />
        </>
      )}
    </div>
  );
}

export function LeaderImports(props: { onDone: () => void; notifyError: (e: unknown) => void }) {
  return (
    <>
      {(['volunteers', 'teams', 'activities'] as const).map((k) => <LeaderImport key={k} kind={k} {...props} />)}
    </>
  );
}
