/** The four account roles, lowest to highest. An admin may do everything a planner may. */
export const ROLES = ['viewer', 'township_editor', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `than` in {@link ROLES} order (used to cap a token's role by its owner's). */
export const roleAtMost = (role: Role, than: Role) => ROLES.indexOf(role) <= ROLES.indexOf(than);
