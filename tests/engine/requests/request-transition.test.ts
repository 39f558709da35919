import { describe, expect, it } from 'vitest';
import {
  IllegalTransitionError, REQUEST_ACTIONS, REQUEST_STATUSES, requestTransition, type RequestAction, type RequestStatus,
} from '../../../api/src/engine/requests/index.ts';

/** The legal moves, written out by hand from the issue (not derived from the table under test). */
const LEGAL: [RequestStatus, RequestAction, RequestStatus][] = [
  ['submitted', 'dispatch', 'dispatched'], ['passed_up', 'dispatch', 'dispatched'], ['declined', 'dispatch', 'dispatched'],
  ['dispatched', 'accept', 'accepted'], ['dispatched', 'decline', 'declined'],
  ['accepted', 'done', 'done'], ['done', 'rate', 'rated'],
  ['submitted', 'pass_up', 'passed_up'], ['passed_up', 'pass_up', 'passed_up'], ['declined', 'pass_up', 'passed_up'],
  ['submitted', 'cancel', 'cancelled'], ['dispatched', 'cancel', 'cancelled'], ['declined', 'cancel', 'cancelled'],
  ['passed_up', 'cancel', 'cancelled'], ['accepted', 'cancel', 'cancelled'],
  ['submitted', 'expire', 'expired'], ['dispatched', 'expire', 'expired'], ['declined', 'expire', 'expired'], ['passed_up', 'expire', 'expired'],
];

describe('requestTransition', () => {
  for (const [from, action, to] of LEGAL) {
    it(`${from} --${action}--> ${to}`, () => expect(requestTransition(from, action)).toBe(to));
  }
  const legal = new Set(LEGAL.map(([f, a]) => `${f} ${a}`));
  const illegal = REQUEST_STATUSES.flatMap((s) => REQUEST_ACTIONS.map((a) => [s, a] as const)).filter(([s, a]) => !legal.has(`${s} ${a}`));
  it('has 9 × 8 = 72 pairs, 19 legal and 53 illegal', () => expect([LEGAL.length, illegal.length]).toEqual([19, 53]));
  for (const [from, action] of illegal) {
    it(`${from} --${action}--> refused`, () => {
      expect(() => requestTransition(from, action)).toThrow(IllegalTransitionError);
    });
  }
  it('closed states accept nothing', () => {
    for (const s of ['rated', 'cancelled', 'expired'] as const) for (const a of REQUEST_ACTIONS) expect(() => requestTransition(s, a)).toThrow(/cannot be/);
  });
});
