/** The states of a service request (群众点单 → 派单 → 接单 → 评单), and the closed ones. */
export const REQUEST_STATUSES = ['submitted', 'dispatched', 'accepted', 'done', 'rated', 'declined', 'passed_up', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What can happen to a request. */
export const REQUEST_ACTIONS = ['dispatch', 'accept', 'decline', 'done', 'rate', 'pass_up', 'cancel', 'expire'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** From which states each action is legal, and where it leads. */
export const REQUEST_TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  // A site (re)dispatches a new request, one passed up to it, or one a team declined.
  dispatch: { from: ['submitted', 'passed_up', 'declined'], to: 'dispatched' },
  accept: { from: ['dispatched'], to: 'accepted' },
  decline: { from: ['dispatched'], to: 'declined' },
  done: { from: ['accepted'], to: 'done' },
  rate: { from: ['done'], to: 'rated' },
  pass_up: { from: ['submitted', 'passed_up', 'declined'], to: 'passed_up' },
  cancel: { from: ['submitted', 'dispatched', 'declined', 'passed_up', 'accepted'], to: 'cancelled' },
  // Nobody took it in time.
  expire: { from: ['submitted', 'dispatched', 'declined', 'passed_up'], to: 'expired' },
};

/** Thrown for an action not legal in the request's state; the API answers 409 `conflict`. */
export class IllegalTransitionError extends Error {
  constructor(readonly status: RequestStatus, readonly action: RequestAction) {
    super(`A request that is ${status} cannot be ${action === 'pass_up' ? 'passed up' : action === 'done' ? 'marked done' : `${action}${action.endsWith('e') ? 'd' : 'ed'}`}`);
    this.name = 'IllegalTransitionError';
  }
}

/**
 * The state a request moves to when `action` happens in `status`; throws {@link IllegalTransitionError} when illegal.
 * @example
 * ```ts
 * requestTransition('submitted', 'dispatch'); // 'dispatched'
 * requestTransition('done', 'accept');        // throws IllegalTransitionError
 * ```
 */
export function requestTransition(status: RequestStatus, action: RequestAction): RequestStatus {
  const t = REQUEST_TRANSITIONS[action];
  if (!t.from.includes(status)) throw new IllegalTransitionError(status, action);
  return t.to;
}
