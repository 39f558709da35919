/** Undoable site changes, each done and undone through the API (so the audit trail records both). */
import { api, client, unwrap, type SiteFeature, type SiteUpdate } from '../lib/api';
import { siteCrudApi } from '../components/use-new-site';

export type SiteOpKind = 'edit' | 'move' | 'place' | 'unplace' | 'create' | 'delete';

export interface SiteOp {
  kind: SiteOpKind;
  siteId: string;
  name: string;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

/** The values `patch` overwrote, read from the site as it was before. */
export function previousValues(before: SiteFeature, patch: SiteUpdate): SiteUpdate {
  const out: Record<string, unknown> = {};
  const props = before.properties as unknown as Record<string, unknown>;
  for (const key of Object.keys(patch)) {
    if (key === 'lng') out.lng = before.geometry?.coordinates[0] ?? null;
    else if (key === 'lat') out.lat = before.geometry?.coordinates[1] ?? null;
    else out[key] = props[key] ?? null;
  }
  return out as SiteUpdate;
}

/** An update (edit, move, place, unplace): undo writes back the previous values, redo the new ones. */
export function updateOp(kind: SiteOpKind, before: SiteFeature, patch: SiteUpdate): SiteOp {
  const back = previousValues(before, patch);
  return {
    kind, siteId: before.id, name: before.properties.name,
    undo: () => api.updateSite(before.id, back),
    redo: () => api.updateSite(before.id, patch),
  };
}

const restore = async (id: string) => unwrap(await client.api.sites[':id'].restore.$post({ param: { id } }));

/** A created site: undo deletes it (it stays restorable), redo restores it. */
export const createOp = (site: SiteFeature): SiteOp => ({
  kind: 'create', siteId: site.id, name: site.properties.name,
  undo: () => siteCrudApi.remove(site.id),
  redo: () => restore(site.id),
});

/** A deleted site: undo restores it from the audit trail, redo deletes it again. */
export const deleteOp = (site: SiteFeature): SiteOp => ({
  kind: 'delete', siteId: site.id, name: site.properties.name,
  undo: () => restore(site.id),
  redo: () => siteCrudApi.remove(site.id),
});
