import { DICTIONARY, useI18n, type I18nKey } from '../lib/i18n';
import { issueText } from '../lib/issue-text';
import type { ImportIssue } from './data-api';

const SHOWN_ISSUES = 200;

/** Problems found in an uploaded file, by row and column, errors first. */
export function IssueTable({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  const { t, lang } = useI18n();
  if (!issues.length) return <p className="ok-note small" data-testid={`${testId}-none`}>{t('import.noProblems')}</p>;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1));
  return (
    <div className="table-scroll">
      <table className="issue-table" data-testid={testId}>
        <thead>
          <tr><th>{t('import.row')}</th><th>{t('import.column')}</th><th>{t('import.reason')}</th></tr>
        </thead>
        <tbody>
          {sorted.slice(0, SHOWN_ISSUES).map((i, k) => (
            <tr key={k} className={i.severity} data-testid="import-issue" data-row={i.row ?? ''}>
              <td className="num">{i.row ?? t('import.wholeFile')}</td>
              <td>{i.column ?? i.field ?? ''}</td>
              <td>
                <span className={`sev sev-${i.severity}`}>{i.severity === 'error' ? t('import.error') : t('import.warning')}</span>{' '}
                <span title={i.message}>{issueText(i, lang)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > SHOWN_ISSUES && <p className="muted small">{t('import.moreIssues', { n: sorted.length - SHOWN_ISSUES })}</p>}
    </div>
  );
}

/** Our field → the file's column: one dropdown per field; changes are sent back as the import's `mapping`. */
export function MappingEditor({ mapping, headers, labels, onChange, testId }: {
  mapping: Record<string, string | null>;
  headers: readonly string[];
  labels?: Record<string, string>;
  onChange: (m: Record<string, string | null>) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const usable = headers.filter((h) => h !== '');
  return (
    <table className="mapping-table" data-testid={testId}>
      <thead>
        <tr><th>{t('import.ourField')}</th><th>{t('import.theirColumn')}</th></tr>
      </thead>
      <tbody>
        {Object.entries(mapping).map(([field, header]) => (
          <tr key={field} className={header ? '' : 'unmapped'}>
            <td>{labels?.[field] ? `${labels[field]} (${field})` : field}</td>
            <td>
              <select
                value={header ?? ''}
                data-testid={`mapping-${field}`}
                onChange={(e) => onChange({ ...mapping, [field]: e.target.value || null })}
              >
                <option value="">{t('import.notImported')}</option>
                {usable.map((h) => (
                  <option key={h} value={h}>{h}</option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "12 rows · 10 valid · 2 with problems" from an import summary. */
export function SummaryLine({ summary, testId }: { summary: Record<string, unknown>; testId: string }) {
  const { t } = useI18n();
  const parts = Object.entries(summary)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => {
      const key = `import.sum.${k}`;
      return `${key in DICTIONARY.zh ? t(key as I18nKey) : k}: ${(v as number).toLocaleString('en-US')}`;
    });
  return <p className="small summary-line" data-testid={testId}>{parts.join(' · ')}</p>;
}
