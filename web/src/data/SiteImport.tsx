import { useState } from 'react';
import type { ImportCrs } from '../../../api/src/import/crs';
import { SITE_FIELD_LABELS } from '../../../api/src/import/site-fields';
import { useI18n } from '../lib/i18n';
import { kindName } from '../lib/names';
import { CrsChoice } from './CrsChoice';
import { dataApi, type SiteImportResult } from './data-api';
import { IssueTable, MappingEditor, SummaryLine } from './ImportPreview';

interface Props {
  onCommitted: () => void;
  notifyError: (e: unknown) => void;
}

const SHOWN_ROWS = 50;
/** The mapping opens by itself when one of these is not found in the file. */
const KEY_FIELDS = ['name', 'kind', 'lng', 'lat'];

/**
 * The site register import: file, coordinate system (required), preview with the detected encoding,
 * the editable column mapping and every problem by row and column, then an all-or-nothing commit.
 */
export function SiteImport({ onCommitted, notifyError }: Props) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<ImportCrs | null>(null);
  const [preview, setPreview] = useState<SiteImportResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [mappingEdited, setMappingEdited] = useState(false);
  /** The user's own mapping: sent with every later preview and with the commit. */
  const [override, setOverride] = useState<Record<string, string | null> | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  const [done, setDone] = useState<SiteImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const send = async (mode: 'preview' | 'commit') => {
    if (!file || !crs) return;
    setBusy(mode);
    setError(null);
    try {
      const r = await dataApi.importSites(file, { crs, mode, skipInvalid, mapping: override });
      if (mode === 'preview') {
        setPreview(r);
        setMapping(r.mapping);
        setMappingEdited(false);
      } else {
        setDone(r);
        setPreview(null);
        setOverride(null);
        setFile(null);
        setInputKey((k) => k + 1);
        onCommitted();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const errors = preview?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const canCommit = !!preview && !mappingEdited && preview.summary.valid > 0 && (errors === 0 || skipInvalid) && preview.summary.fileErrors === 0;

  return (
    <div className="import-block" data-testid="site-import">
      <p className="muted small">{t('import.sitesHint')}</p>
      <input
        key={inputKey}
        type="file"
        accept=".csv,.xlsx,.geojson,.json,text/csv"
        data-testid="site-import-file"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setPreview(null);
          setDone(null);
          setMapping(null);
          setOverride(null);
          setMappingEdited(false);
        }}
      />
      <CrsChoice name="site-import-crs" testId="site-import-crs" value={crs} onChange={(c) => { setCrs(c); setPreview(null); }} />
      <div className="button-row">
        <button type="button" className="button" disabled={!file || !crs || busy !== null} onClick={() => send('preview')} data-testid="site-import-preview">
          {busy === 'preview' ? t('import.working') : mappingEdited ? t('import.previewAgain') : t('import.preview')}
        </button>
      </div>
      {error && <p className="form-error inline" data-testid="site-import-error">{error}</p>}

      {preview && mapping && (
        <div className="import-preview" data-testid="site-import-result">
          <p className="small" data-testid="site-import-format">
            {t('import.detected', {
              format: preview.format.toUpperCase(),
              encoding: preview.encoding ?? '–',
              header: preview.headerRow ?? '–',
              crs: preview.crs,
            })}
            {preview.sheet ? ` · ${t('import.sheet', { sheet: preview.sheet })}` : ''}
          </p>
          <SummaryLine summary={preview.summary} testId="site-import-summary" />
          <h4 className="table-title">{t('import.problems', { n: preview.issues.length })}</h4>
          <IssueTable issues={preview.issues} testId="site-import-issues" />
          <details open={mappingEdited || KEY_FIELDS.some((f) => !mapping[f])} className="mapping-details">
            <summary>{t('import.mapping')}</summary>
            <MappingEditor
              mapping={mapping}
              headers={preview.headers}
              labels={SITE_FIELD_LABELS}
              testId="site-import-mapping"
              onChange={(m) => { setMapping(m); setOverride(m); setMappingEdited(true); }}
            />
            {preview.unmappedHeaders.length > 0 && (
              <p className="muted small">{t('import.unmapped', { list: preview.unmappedHeaders.join('、') })}</p>
            )}
          </details>
          {preview.rows.length > 0 && (
            <details>
              <summary>{t('import.plannedRows', { n: preview.summary.valid })}</summary>
              <div className="table-scroll">
                <table className="issue-table" data-testid="site-import-rows">
                  <thead>
                    <tr><th>{t('import.row')}</th><th>{t('import.action')}</th><th>{t('site.name')}</th><th>{t('site.kind')}</th><th>{t('site.location')}</th></tr>
                  </thead>
                  <tbody>
                    {preview.rows.slice(0, SHOWN_ROWS).map((r) => (
                      <tr key={r.row}>
                        <td className="num">{r.row}</td>
                        <td>{r.action === 'create' ? t('import.create') : t('import.update')}</td>
                        <td>{r.fields.name}</td>
                        <td>{kindName(r.fields.kind, lang)}</td>
                        <td className="num">{r.fields.lng != null && r.fields.lat != null ? `${r.fields.lng.toFixed(5)}, ${r.fields.lat.toFixed(5)}` : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
          <label className="check-row">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="site-import-skip" />
            <span>{t('import.skipInvalid')}</span>
          </label>
          {errors > 0 && !skipInvalid && <p className="note">{t('import.blocked', { n: errors })}</p>}
          <button type="button" className="button primary" disabled={!canCommit || busy !== null} onClick={() => send('commit')} data-testid="site-import-commit">
            {busy === 'commit' ? t('import.working') : t('import.commit', { n: preview.summary.valid })}
          </button>
        </div>
      )}

      {done?.committed && (
        <div className="ok-note" data-testid="site-import-done">
          {t('import.sitesDone', { created: done.committed.created, updated: done.committed.updated, skipped: done.committed.skipped.length })}
        </div>
      )}
    </div>
  );
}
