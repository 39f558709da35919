/**
 * The account roles, lowest to highest. An admin may do everything a planner may. A `dispatcher` operates
 * sites (table `user_sites`): reads like a viewer, and handles the service requests of its sites.
 */
export const ROLES = ['viewer', 'dispatcher', 'township_editor', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `than` in {@link ROLES} order (used to cap a token's role by its owner's). */
export const roleAtMost = (role: Role, than: Role) => ROLES.indexOf(role) <= ROLES.indexOf(than);
