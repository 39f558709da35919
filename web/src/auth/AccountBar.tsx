import { useI18n } from '../lib/i18n';
import { useAbilities, type Session } from './session';

export type Page = 'map' | 'audit' | 'users';

/**
 * The header's account part: who is signed in (name and role), the audit and users pages, log out
 * (a full reload after logout, so nothing of the previous account's state stays in memory).
 */
export function AccountBar({ session, page, onPage }: { session: Session; page: Page; onPage: (p: Page) => void }) {
  const { t } = useI18n();
  const can = useAbilities();
  if (!can.loggedIn) {
    return (
      <span className="account" data-testid="account">
        <span className="account-name">{t('auth.guest')}</span>
        <a className="topbar-button" href="/?login=1" data-testid="login-link">{t('auth.login')}</a>
      </span>
    );
  }
  // On a phone the header keeps every control whole with short labels (the full one stays the accessible name).
  const nav = (p: Page, label: string, short: string, testId: string) => (
    <button type="button" className={`topbar-button${page === p ? ' active' : ''}`} data-testid={testId} aria-pressed={page === p} aria-label={label} title={label} onClick={() => onPage(page === p ? 'map' : p)}>
      <span className="label-full">{label}</span>
      <span className="label-short" aria-hidden="true">{short}</span>
    </button>
  );
  return (
    <span className="account" data-testid="account">
      {nav('audit', t('nav.audit'), t('nav.auditShort'), 'nav-audit')}
      {can.admin && nav('users', t('nav.users'), t('nav.usersShort'), 'nav-users')}
      <span className="account-name" data-testid="account-name">
        {can.username} <span className="account-role" data-testid="account-role">{t(`role.${can.role!}`)}</span>
      </span>
      <button type="button" className="topbar-button" data-testid="logout" title={`${can.username} · ${t(`role.${can.role!}`)}`} aria-label={t('auth.logout')} onClick={() => void session.logout().finally(() => window.location.assign('/'))}>
        <span className="label-full">{t('auth.logout')}</span>
        <span className="label-short" aria-hidden="true">{t('auth.logoutShort')}</span>
      </button>
    </span>
  );
}
