import { expect, it } from 'vitest';
import { CHAOTIAN_2023, DEFAULT_QUOTA_RULE_SET, QUOTA_RULE_SETS, townshipQuotas, type QuotaRuleSet } from '../../../api/src/engine/townships/index.ts';

const sites = [
  { kind: 'point', townshipCode: 't1', demonstration: false, placed: true },
  { kind: 'point', townshipCode: 't1', demonstration: false, placed: true },
  { kind: 'point', townshipCode: 't1', demonstration: false, placed: true },
];

it('checks against chaotian-2023 unless told otherwise, and names the rule set', () => {
  expect(DEFAULT_QUOTA_RULE_SET).toBe('chaotian-2023');
  expect(QUOTA_RULE_SETS['chaotian-2023']).toBe(CHAOTIAN_2023);
  const r = townshipQuotas(sites, ['t1']);
  expect(r.ruleSet.id).toBe('chaotian-2023');
  expect(r.townships[0].items.find((i) => i.kind === 'point')).toMatchObject({ required: { min: 5, max: 5 }, actual: 3, status: 'short' });
});

it('takes its numbers from the rule set given', () => {
  const own: QuotaRuleSet = { ...CHAOTIAN_2023, id: 'test-county', name: 'test', township: { ...CHAOTIAN_2023.township, point: { min: 2, max: 3 } } };
  const r = townshipQuotas(sites, ['t1'], own);
  expect(r.ruleSet.id).toBe('test-county');
  expect(r.townships[0].items.find((i) => i.kind === 'point')).toMatchObject({ required: { min: 2, max: 3 }, actual: 3, status: 'met' });
});
