import { useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n';
import { ApiRequestError } from '../lib/api';
import type { Session } from './session';
import { errorText } from './error-text';

/** The login form shown instead of the planner when no one is signed in. */
export function LoginPage({ session }: { session: Session }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.login(username.trim(), password);
    } catch (err) {
      setError(t('auth.failed', { message: errorText(err, t) }));
      setBusy(false);
    }
  };
  return (
    <div className="login-page" data-testid="login-page">
      <form className="login-card" onSubmit={submit}>
        <div className="login-head">
          <span className="brand-mark" aria-hidden="true">文</span>
          <h1>{t('app.title')}</h1>
        </div>
        <p className="muted">{t('auth.subtitle')}</p>
        {session.info?.needsAdmin && <p className="login-warning" data-testid="login-needs-admin">{t('auth.needsAdmin')}</p>}
        <label className="field">
          <span>{t('auth.username')}</span>
          <input data-testid="login-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input data-testid="login-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="form-error" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" className="button primary wide" data-testid="login-submit" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
        <div className="login-foot">
          <a href="/resident.html">{t('auth.residentLink')}</a>
          <button type="button" className="button subtle small" data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('lang.switch')}
          </button>
        </div>
      </form>
    </div>
  );
}

export { ApiRequestError };
