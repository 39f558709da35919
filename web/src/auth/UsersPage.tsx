import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, client, unwrap, type AccountUser, type DistrictSummary, type Township } from '../lib/api';
import { CITY_CODE, currentDistrict } from '../lib/district';
import { useI18n } from '../lib/i18n';
import { townshipLabel } from '../lib/names';
import { keys, queryClient } from '../lib/queries';
import { errorText } from './error-text';
import type { Role } from './session';

const ROLES: Role[] = ['viewer', 'dispatcher', 'township_editor', 'planner', 'admin'];

/** The townships of `district`: those of the open county as given, another county's from its routes (a query per county). */
function useTownshipsOf(district: string, here: Township[]): Township[] {
  const isHere = district === currentDistrict();
  const other = useQuery({
    queryKey: ['ref', 'townships-of', district] as const,
    queryFn: async () => (await unwrap(await client.api.d[':district'].townships.$get({ param: { district } }))).townships,
    enabled: !isHere && district !== CITY_CODE,
  });
  return isHere ? here : other.data ?? [];
}

/** The account's district: one of the counties, or the city (reads every county, writes none). */
function DistrictSelect({ districts, value, onChange, testId }: { districts: DistrictSummary[]; value: string; onChange: (v: string) => void; testId: string }) {
  const { t, lang } = useI18n();
  const known = districts.some((d) => d.code === value);
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{value}</option>}
      {districts.map((d) => (
        <option key={d.code} value={d.code}>{d.code === CITY_CODE ? t('users.cityScope') : lang === 'en' && d.nameEn ? d.nameEn : d.name}</option>
      ))}
    </select>
  );
}

function TownshipPicker({ district, townships: here, value, onChange, testId }: { district: string; townships: Township[]; value: string[]; onChange: (v: string[]) => void; testId: string }) {
  const { lang } = useI18n();
  const townships = useTownshipsOf(district, here);
  return (
    <select multiple className="township-picker" data-testid={testId} value={value} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
      {townships.map((x) => <option key={x.code} value={x.code}>{townshipLabel(x, lang)}</option>)}
    </select>
  );
}

function UserRow({ user, townships, districts, onChanged, onError }: {
  user: AccountUser; townships: Township[]; districts: DistrictSummary[]; onChanged: (msg: string) => void; onError: (e: unknown) => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>(user.role as Role);
  const [district, setDistrict] = useState(user.district);
  const [own, setOwn] = useState<string[]>(user.townships);
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: async () => unwrap(await client.api.users[':id'].$patch({ param: { id: user.id }, json: { role, district, townships: role === 'township_editor' ? own : [], ...(password ? { password } : {}) } })),
    onSuccess: () => {
      setPassword('');
      onChanged(t('users.saved'));
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await client.api.users[':id'].$delete({ param: { id: user.id } })),
    onSuccess: () => onChanged(t('users.saved')),
    onError,
  });
  return (
    <tr data-testid="user-row" data-username={user.username}>
      <td>{user.username}</td>
      <td>
        <select data-testid="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </td>
      <td><DistrictSelect districts={districts} value={district} onChange={(d) => { setDistrict(d); setOwn([]); }} testId="user-district" /></td>
      <td>{role === 'township_editor' ? <TownshipPicker district={district} townships={townships} value={own} onChange={setOwn} testId="user-townships" /> : <span className="muted">—</span>}</td>
      <td><input type="password" placeholder={t('users.newPassword')} autoComplete="new-password" data-testid="user-password" value={password} onChange={(e) => setPassword(e.target.value)} /></td>
      <td className="row-actions">
        <button type="button" className="button small primary" data-testid="user-save" onClick={() => save.mutate()}>{t('users.save')}</button>
        <button type="button" className="button small subtle danger" data-testid="user-delete" onClick={() => window.confirm(t('users.deleteConfirm', { name: user.username })) && remove.mutate()}>{t('users.delete')}</button>
      </td>
    </tr>
  );
}

/** Accounts and settings (admins): add users, change role, district, townships or password, delete; public read-only views. */
export function UsersPage({ townships }: { townships: Township[] }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const emptyDraft = () => ({ username: '', password: '', role: 'viewer' as Role, district: currentDistrict(), townships: [] as string[] });
  const [draft, setDraft] = useState(emptyDraft);
  const onError = useCallback((e: unknown) => setMessage({ kind: 'error', text: errorText(e, t) }), [t]);
  const usersQ = useQuery({ queryKey: keys.users, queryFn: async (): Promise<AccountUser[]> => (await unwrap(await client.api.users.$get())).users });
  const settingsQ = useQuery({ queryKey: keys.settings, queryFn: async () => unwrap(await client.api.settings.$get()) });
  const districtsQ = useQuery({ queryKey: keys.districts, queryFn: api.districts });
  const districts = districtsQ.data ?? [];
  const users = usersQ.data ?? null;
  const publicViews = settingsQ.data?.publicPlannerViews ?? null;
  const failed = usersQ.error ?? settingsQ.error ?? districtsQ.error;
  const shown = message ?? (failed ? { kind: 'error' as const, text: errorText(failed, t) } : null);
  const changed = (text: string) => {
    setMessage({ kind: 'success', text });
    void queryClient.invalidateQueries({ queryKey: keys.users });
  };
  const addM = useMutation({
    mutationFn: async () => unwrap(await client.api.users.$post({ json: { ...draft, townships: draft.role === 'township_editor' ? draft.townships : [] } })),
    onSuccess: (u) => {
      setDraft(emptyDraft());
      changed(t('users.added', { name: u.username }));
    },
    onError,
  });
  const add = (e: FormEvent) => {
    e.preventDefault();
    addM.mutate();
  };
  const togglePublic = useMutation({
    mutationFn: async (on: boolean) => unwrap(await client.api.settings.$patch({ json: { publicPlannerViews: on } })),
    onSuccess: (s) => queryClient.setQueryData(keys.settings, s),
    onError,
  });
  return (
    <section className="page" data-testid="users-page">
      <h2>{t('users.title')}</h2>
      {shown && <p className={shown.kind === 'error' ? 'form-error' : 'form-success'} role="status" data-testid="users-message">{shown.text}</p>}
      <form className="page-filters" onSubmit={add} data-testid="user-add-form">
        <label className="field"><span>{t('users.username')}</span><input data-testid="new-user-name" value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} required /></label>
        <label className="field"><span>{t('users.password')}</span><input type="password" autoComplete="new-password" data-testid="new-user-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} required /></label>
        <label className="field">
          <span>{t('users.role')}</span>
          <select data-testid="new-user-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('users.district')}</span>
          <DistrictSelect districts={districts} value={draft.district} onChange={(d) => setDraft({ ...draft, district: d, townships: [] })} testId="new-user-district" />
        </label>
        {draft.role === 'township_editor' && (
          <label className="field"><span>{t('users.townships')}</span><TownshipPicker district={draft.district} townships={townships} value={draft.townships} onChange={(v) => setDraft({ ...draft, townships: v })} testId="new-user-townships" /></label>
        )}
        <button type="submit" className="button primary" data-testid="new-user-submit">{t('users.add')}</button>
      </form>
      {users && (
        <div className="table-wrap">
          <table className="data-table" data-testid="users-table">
            <thead><tr><th>{t('users.username')}</th><th>{t('users.role')}</th><th>{t('users.district')}</th><th>{t('users.townships')}</th><th>{t('users.resetPassword')}</th><th /></tr></thead>
            <tbody>
              {users.map((u) => <UserRow key={`${u.id}-${u.updatedAt}`} user={u} townships={townships} districts={districts} onChanged={changed} onError={onError} />)}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('users.settings')}</h3>
      <label className="check">
        <input type="checkbox" data-testid="setting-public-views" checked={publicViews ?? false} disabled={publicViews === null} onChange={(e) => togglePublic.mutate(e.target.checked)} />
        {t('users.publicViews')}
      </label>
    </section>
  );
}
