import { useState } from 'react';
import type { ImportCrs } from '../../../api/src/import/crs';
import { useI18n } from '../lib/i18n';
import { CrsChoice } from './CrsChoice';
import { dataApi, type AnyImportResult, type ReferenceKind } from './data-api';
import { IssueTable, MappingEditor, SummaryLine } from './ImportPreview';

interface Props {
  kind: ReferenceKind;
  onCommitted: () => void;
  notifyError: (e: unknown) => void;
}

/** Township boundaries, village locations/populations or a population grid: file, CRS, licence, preview, commit. */
export function ReferenceImport({ kind, onCommitted, notifyError }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<ImportCrs | null>(null);
  const [licence, setLicence] = useState('');
  const [sourceName, setSourceName] = useState('');
  const [vintage, setVintage] = useState('');
  const [cellSize, setCellSize] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [mappingEdited, setMappingEdited] = useState(false);
  /** The user's own mapping: sent with every later preview and with the commit. */
  const [override, setOverride] = useState<Record<string, string | null> | null>(null);
  const [result, setResult] = useState<AnyImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (mode: 'preview' | 'commit') => {
    if (!file || !crs) return;
    setBusy(true);
    setError(null);
    try {
      const r = await dataApi.importReference(kind, file, {
        crs, mode, skipInvalid, licence, sourceName, vintage,
        mapping: override,
        cellSizeMeters: cellSize ? Number(cellSize) : undefined,
      });
      setResult(r);
      setMapping(r.mapping);
      setMappingEdited(false);
      if (mode === 'commit') onCommitted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const committed = result?.committed;
  return (
    <div className="import-block" data-testid={`import-${kind}`}>
      <p className="muted small">{t(`import.${kind}.hint`)}</p>
      <input
        type="file"
        accept={kind === 'townships' ? '.geojson,.json' : '.csv,.xlsx,.geojson,.json'}
        data-testid={`import-${kind}-file`}
        onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setMapping(null); setOverride(null); setMappingEdited(false); }}
      />
      <CrsChoice name={`import-${kind}-crs`} testId={`import-${kind}-crs`} value={crs} onChange={setCrs} />
      <label className={`field${licence.trim() ? '' : ' invalid'}`}>
        <span className="field-label">{t('import.licence')}</span>
        <input type="text" value={licence} onChange={(e) => setLicence(e.target.value)} placeholder={t('import.licenceExample')} data-testid={`import-${kind}-licence`} />
      </label>
      <div className="field-pair">
        <label className="field">
          <span className="field-label">{t('import.sourceName')}</span>
          <input type="text" value={sourceName} onChange={(e) => setSourceName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('import.vintage')}</span>
          <input type="text" value={vintage} onChange={(e) => setVintage(e.target.value)} placeholder="2024" />
        </label>
      </div>
      {kind === 'population' && (
        <label className="field">
          <span className="field-label">{t('import.cellSize')}</span>
          <input type="text" inputMode="numeric" value={cellSize} onChange={(e) => setCellSize(e.target.value.replace(/[^\d.]/g, ''))} placeholder="100" />
        </label>
      )}
      <label className="check-row">
        <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
        <span>{t('import.skipInvalid')}</span>
      </label>
      <div className="button-row">
        <button type="button" className="button" disabled={!file || !crs || busy} onClick={() => send('preview')} data-testid={`import-${kind}-preview`}>
          {mappingEdited ? t('import.previewAgain') : t('import.preview')}
        </button>
        <button type="button" className="button primary" disabled={!file || !crs || !licence.trim() || busy || !result || mappingEdited} onClick={() => send('commit')} data-testid={`import-${kind}-commit`}>
          {busy ? t('import.working') : t('import.commitShort')}
        </button>
      </div>
      {error && <p className="form-error inline">{error}</p>}
      {result && (
        <div className="import-preview">
          <SummaryLine summary={result.summary} testId={`import-${kind}-summary`} />
          {mapping && Object.keys(mapping).length > 0 && (
            <details className="mapping-details">
              <summary>{t('import.mapping')}</summary>
              <MappingEditor mapping={mapping} headers={result.headers} testId={`import-${kind}-mapping`} onChange={(m) => { setMapping(m); setOverride(m); setMappingEdited(true); }} />
            </details>
          )}
          <IssueTable issues={result.issues} testId={`import-${kind}-issues`} />
          {committed && <div className="ok-note">{t('import.referenceDone', { source: committed.sourceId, version: committed.dataVersion, skipped: committed.skipped.length })}</div>}
        </div>
      )}
    </div>
  );
}
