import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './lib/queries';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AbilitiesContext, abilitiesOf, useSessionState } from './auth/session';
import { LoginPage } from './auth/LoginPage';
import { I18nContext } from './lib/i18n';
import { usePageI18n } from './lib/use-page-i18n';
import { CityOverview } from './city/CityOverview';
import { loadDistrictNames } from './city/load-district-names';
import './styles.css';

/** The login page until someone signs in (unless the planner views are public), then the planner. */
function Root() {
  const session = useSessionState();
  const i18n = usePageI18n('app.title');
  if (session.loading) return null;
  const info = session.info;
  const wantsLogin = new URLSearchParams(window.location.search).has('login');
  if (!info?.user && (!info?.publicPlannerViews || wantsLogin)) {
    return (
      <I18nContext.Provider value={i18n}>
        <LoginPage session={session} />
      </I18nContext.Provider>
    );
  }
  if (new URLSearchParams(window.location.search).get('city') === '1') {
    return (
      <I18nContext.Provider value={i18n}>
        <CityOverview />
      </I18nContext.Provider>
    );
  }
  return (
    <AbilitiesContext.Provider value={abilitiesOf(info)}>
      <App key={info.user?.id ?? 'guest'} session={session} />
    </AbilitiesContext.Provider>
  );
}

/** The names of the district in the address (titles say which county is open), then the page. */
async function start() {
  await loadDistrictNames();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </StrictMode>,
  );
}
void start();
