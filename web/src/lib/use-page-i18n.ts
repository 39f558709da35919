import { useEffect, useMemo, useState } from 'react';
import { initialLang, translate, type I18n, type I18nKey, type Lang } from './i18n';

/**
 * The page's language state for I18nContext.Provider: starts from {@link initialLang}, saves each choice in
 * localStorage, and keeps the document's `lang` and its title (`titleKey`) in the chosen language.
 */
export function usePageI18n(titleKey: I18nKey): I18n {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo<I18n>(
    () => ({
      lang,
      t: (key, params) => translate(lang, key, params),
      setLang: (l) => {
        setLangState(l);
        try {
          window.localStorage.setItem('lang', l);
        } catch {
          /* storage unavailable */
        }
      },
    }),
    [lang],
  );
  const { t } = i18n;
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(titleKey);
  }, [lang, t, titleKey]);
  return i18n;
}
