import { IMPORT_CRS, type ImportCrs } from '../../../api/src/import/crs';
import { useI18n } from '../lib/i18n';

/**
 * The coordinate system of an uploaded file: the user must choose (it is never guessed), with the
 * usual sources of each explained.
 */
export function CrsChoice({ value, onChange, name, testId }: {
  value: ImportCrs | null;
  onChange: (crs: ImportCrs) => void;
  name: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={`crs-choice${value ? '' : ' unset'}`} data-testid={testId}>
      <legend className="field-label">{t('crs.label')}</legend>
      {IMPORT_CRS.map((crs) => (
        <label key={crs} className="crs-option">
          <input type="radio" name={name} value={crs} checked={value === crs} onChange={() => onChange(crs)} data-testid={`${testId}-${crs}`} />
          <span>
            <strong>{t(`crs.${crs}`)}</strong>
            <span className="muted small"> {t(`crs.${crs}.hint`)}</span>
          </span>
        </label>
      ))}
      {!value && <p className="field-error small">{t('crs.required')}</p>}
    </fieldset>
  );
}
