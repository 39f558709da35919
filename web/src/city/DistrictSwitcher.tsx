import { useQuery } from '@tanstack/react-query';
import { api, type DistrictSummary } from '../lib/api';
import { CITY_CODE, currentDistrict, pageForDistrict } from '../lib/district';
import { useI18n } from '../lib/i18n';
import { useAbilities } from '../auth/session';
import { keys } from '../lib/queries';

/** Address of the city overview (the language and basemap kept). */
export function cityOverviewPage(href: string = window.location.href): string {
  const u = new URL(pageForDistrict(currentDistrict(), href), window.location.origin);
  u.searchParams.set('city', '1');
  return u.pathname + u.search;
}

/**
 * The header's district switcher: the seven counties (the address carries the choice as `?d=`) and the city
 * overview; below it, which quota rule set the county is checked against.
 */
export function DistrictSwitcher({ city = false }: { city?: boolean }) {
  const { t, lang } = useI18n();
  const { district: mine } = useAbilities();
  const districts = useQuery({ queryKey: keys.districts, queryFn: api.districts }).data ?? [];
  const code = city ? CITY_CODE : currentDistrict();
  const here = districts.find((d) => d.code === code);
  const rules = here?.quotaRuleSet;
  const name = (d: DistrictSummary) => (lang === 'en' && d.nameEn ? d.nameEn : d.name);
  return (
    <label className="district-switcher" title={rules ? t(rules.own ? 'district.ruleSet' : 'district.ruleSetBorrowed', { name: rules.name }) : undefined}>
      <span className="sr-only">{t('district.label')}</span>
      <select
        data-testid="district-switcher"
        value={code}
        onChange={(e) => window.location.assign(e.target.value === CITY_CODE ? cityOverviewPage() : pageForDistrict(e.target.value))}
      >
        {/* A county's account sees only its own county (and the city overview); a city account or a guest every county. */}
        {districts.filter((d) => !mine || mine === CITY_CODE || d.parentCode === null || d.code === mine || d.code === code).map((d) => (
          <option key={d.code} value={d.code}>
            {d.parentCode === null ? t('district.city') : name(d)}
          </option>
        ))}
      </select>
    </label>
  );
}
