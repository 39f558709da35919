import type { Lang } from '../lib/i18n';
import type { BasemapInfo } from './basemap-layers';

interface Props {
  list: readonly BasemapInfo[];
  current: BasemapInfo | undefined;
  lang: Lang;
  label: string;
  onChoose: (id: string) => void;
}

/** The basemap choice over the map, with the chosen basemap's attribution beneath it. */
export function BasemapSwitcher({ list, current, lang, label, onChoose }: Props) {
  if (!current) return null;
  return (
    <div className="basemap-switcher" data-testid="basemap-switcher">
      <label>
        <span className="sr-only">{label}</span>
        <select aria-label={label} data-testid="basemap-select" value={current.id} onChange={(e) => onChoose(e.target.value)}>
          {list.map((b) => (
            <option key={b.id} value={b.id}>
              {lang === 'en' ? b.nameEn : b.name}
            </option>
          ))}
        </select>
      </label>
      <div className="basemap-attribution" data-testid="basemap-attribution">{current.attribution}</div>
    </div>
  );
}
