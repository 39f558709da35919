/**
 * The signed-in account: GET /api/session (held by TanStack Query under `keys.session`), logging in and out, and
 * what the role may do (the server's route table decides; this only hides controls the server would refuse).
 */
import { createContext, useCallback, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import { client, setCsrfToken, unwrap, type SessionInfo } from '../lib/api';
import { currentDistrict } from '../lib/district';
import { keys, queryClient } from '../lib/queries';

export type Role = 'admin' | 'planner' | 'township_editor' | 'dispatcher' | 'viewer';

export interface Session {
  info: SessionInfo | null;
  loading: boolean;
  error: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  reload(): Promise<void>;
}

/** The session answer; its CSRF token is handed to the API client for the writes that follow. */
async function fetchSession(): Promise<SessionInfo> {
  const s = await unwrap(await client.api.session.$get());
  setCsrfToken(s.csrfToken);
  return s;
}

/** Asks the server for the session again (after logging in or out) and waits for the answer. */
const reloadSession = () => queryClient.refetchQueries({ queryKey: keys.session, exact: true });

export function useSessionState(): Session {
  // `loading` until the first answer (or failure); a failed reload keeps the last session and reports the error.
  const query = useQuery({ queryKey: keys.session, queryFn: fetchSession });
  const login = useCallback(async (username: string, password: string) => {
    const r = await unwrap(await client.api.session.$post({ json: { username, password } }));
    setCsrfToken(r.csrfToken);
    await reloadSession();
  }, []);
  const logout = useCallback(async () => {
    await unwrap(await client.api.session.$delete());
    setCsrfToken(null);
    await reloadSession();
  }, []);
  const reload = useCallback(async () => { await reloadSession(); }, []);
  const error = query.error ? (query.error instanceof Error ? query.error.message : String(query.error)) : null;
  return { info: query.data ?? null, loading: query.isPending, error, login, logout, reload };
}

/** What the current account may do, for showing or hiding controls. */
export interface Abilities {
  role: Role | null;
  username: string | null;
  /** Create sites (planners anywhere; township editors in their townships). */
  createSites: boolean;
  /** Edit, move or delete this township's sites. */
  editSite(townshipCode: string | null): boolean;
  /** Plan, accept scenarios, import district-wide data, restore deleted sites. */
  plan: boolean;
  admin: boolean;
  loggedIn: boolean;
  townships: string[];
  /** The account's district (a county, or the city 510800: reads every county); null for a guest. */
  district: string | null;
}

export function abilitiesOf(info: SessionInfo | null): Abilities {
  const role = (info?.role ?? null) as Role | null;
  const townships = info?.user?.townships ?? [];
  // Roles are per district: in another county (or as a city account) the page is read-only, as the API enforces.
  const district = info?.user?.district ?? null;
  const here = district === null || district === currentDistrict();
  const planner = here && (role === 'planner' || role === 'admin');
  return {
    role, username: info?.user?.username ?? null, townships, loggedIn: !!info?.user, district,
    createSites: planner || (here && role === 'township_editor'),
    editSite: (code) => planner || (here && role === 'township_editor' && !!code && townships.includes(code)),
    plan: planner,
    admin: role === 'admin', // accounts and settings: not per district
  };
}

export const AbilitiesContext = createContext<Abilities>(abilitiesOf(null));
export const useAbilities = () => useContext(AbilitiesContext);
