import { useCallback, useState } from 'react';
import { SiteCreateSchema, type SiteCreate, type SiteKind, type VENUE_TYPES, type SITE_STATUSES } from '../../../api/src/schemas/sites';
import { ApiRequestError, client, unwrap, type SiteFeature } from '../lib/api';

/** POST /api/sites and DELETE /api/sites/:id through the app's typed client. */
export const siteCrudApi = {
  create: async (body: SiteCreate): Promise<SiteFeature> => unwrap(await client.api.sites.$post({ json: body })),
  remove: async (id: string) => unwrap(await client.api.sites[':id'].$delete({ param: { id } })),
};

/** What the new-site form edits; empty strings mean "not chosen". */
export interface NewSiteDraft {
  kind: SiteKind;
  name: string;
  townshipCode: string;
  villageCode: string;
  status: (typeof SITE_STATUSES)[number];
  demonstration: boolean;
  venueType: (typeof VENUE_TYPES)[number] | '';
}

export const newSiteDraft = (townshipCode: string | null): NewSiteDraft => ({
  kind: 'station',
  name: '',
  townshipCode: townshipCode ?? '',
  villageCode: '',
  status: 'existing',
  demonstration: false,
  venueType: '',
});

/** The POST body for `draft`, placed at `at` when given (the API infers the township from the village). */
export function newSiteBody(draft: NewSiteDraft, at?: { lng: number; lat: number }): SiteCreate {
  return {
    kind: draft.kind,
    name: draft.name,
    status: draft.status,
    demonstration: draft.demonstration,
    ...(draft.townshipCode ? { townshipCode: draft.townshipCode } : {}),
    ...(draft.villageCode ? { villageCode: draft.villageCode } : {}),
    ...(draft.kind === 'volunteer_site' && draft.venueType ? { venueType: draft.venueType } : {}),
    ...(at ? { lng: at.lng, lat: at.lat } : {}),
  };
}

/** True when every issue is about the location (e.g. a click outside the district): the user may simply click again. */
const onlyLocationIssues = (e: unknown) =>
  e instanceof ApiRequestError && e.issues.length > 0 && e.issues.every((i) => i.path[0] === 'lng' || i.path[0] === 'lat');

/**
 * State of the "new site" form: the draft (null while the form is closed), placing mode (the next map
 * click creates the site there), the last error and the POST itself. `onCreated` runs after the API accepted it.
 */
export function useNewSite({ onCreated, checkFailed }: { onCreated: (site: SiteFeature) => Promise<void>; checkFailed: string }) {
  const [draft, setDraft] = useState<NewSiteDraft | null>(null);
  const [placing, setPlacing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const open = useCallback((townshipCode: string | null) => {
    setDraft((d) => d ?? newSiteDraft(townshipCode));
    setError(null);
  }, []);
  const close = useCallback(() => {
    setDraft(null);
    setPlacing(false);
    setError(null);
  }, []);
  const stopPlacing = useCallback(() => setPlacing(false), []);

  /** Checks the draft with the API's own schema before asking for a map click, so a blank name is caught first. */
  const startPlacing = useCallback(() => {
    if (!draft) return;
    const check = SiteCreateSchema.safeParse(newSiteBody(draft));
    if (!check.success) {
      const issues = check.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message, code: i.code }));
      setError(new ApiRequestError(checkFailed, 400, 'invalid_request', issues));
      setPlacing(false);
      return;
    }
    setError(null);
    setPlacing(true);
  }, [draft, checkFailed]);

  const save = useCallback(
    async (at?: { lng: number; lat: number }) => {
      if (!draft || saving) return;
      setSaving(true);
      setError(null);
      try {
        const site = await siteCrudApi.create(newSiteBody(draft, at));
        setDraft(null);
        setPlacing(false);
        await onCreated(site);
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
        if (!(at && onlyLocationIssues(e))) setPlacing(false);
      } finally {
        setSaving(false);
      }
    },
    [draft, saving, onCreated],
  );

  return { draft, setDraft, open, close, placing, startPlacing, stopPlacing, saving, error, save };
}

export type NewSiteState = ReturnType<typeof useNewSite>;
