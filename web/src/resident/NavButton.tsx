import { useI18n, type I18nKey } from '../lib/i18n';
import { navLinks } from './nav-links';

/** 导航: a small menu of links that open the station in 高德, 百度 or 腾讯 maps (each in its own datum). */
export function NavButton({ lng, lat, name }: { lng: number; lat: number; name: string }) {
  const { t } = useI18n();
  return (
    <details className="nav-menu" data-testid="nav-menu" onClick={(e) => e.stopPropagation()}>
      <summary className="nav-button" data-testid="nav-button">{t('resident.navigate')}</summary>
      <div className="nav-links">
        {navLinks(lng, lat, name).map((l) => (
          <a key={l.app} href={l.href} target="_blank" rel="noopener noreferrer" data-testid={`nav-${l.app}`} data-lng={l.lng} data-lat={l.lat}>
            {t(`resident.nav.${l.app}` as I18nKey)}
          </a>
        ))}
      </div>
    </details>
  );
}
