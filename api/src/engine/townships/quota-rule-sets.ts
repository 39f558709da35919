/** A range of site counts a plan requires: at least `min`, at most `max` when given. */
export interface QuotaRange { min: number; max?: number }

/** A named set of quota rules: how many sites of each kind a township and the district must have. */
export interface QuotaRuleSet {
  id: string;
  name: string;
  /** Where the numbers come from. */
  source: string;
  township: { square: QuotaRange; base: QuotaRange; point: QuotaRange; demonstrationStationShare: number };
  district: { square: QuotaRange; base: QuotaRange; demonstrationInstitutes: QuotaRange; demonstrationStationPicks: QuotaRange };
}

/**
 * The quota rules of 朝天区's 2023 New-Era Civilization Practice plan. Every county uses them until its own are entered.
 *
 * @example
 * CHAOTIAN_2023.township.point; // → { min: 5, max: 5 }
 * @see the district's plan (quotas quoted in the project brief)
 */
export const CHAOTIAN_2023: QuotaRuleSet = {
  id: 'chaotian-2023',
  name: '朝天区新时代文明实践 2023 规划配额',
  source: '朝天区 2023 plan for New-Era Civilization Practice sites (quotas quoted in the project brief)',
  township: { square: { min: 1 }, base: { min: 2, max: 3 }, point: { min: 5, max: 5 }, demonstrationStationShare: 0.2 },
  district: {
    square: { min: 1, max: 1 }, base: { min: 4, max: 4 },
    demonstrationInstitutes: { min: 2, max: 3 }, demonstrationStationPicks: { min: 8, max: 10 },
  },
};

/** Every rule set by id; a county with no rule set of its own uses {@link DEFAULT_QUOTA_RULE_SET}. */
export const QUOTA_RULE_SETS: Readonly<Record<string, QuotaRuleSet>> = { [CHAOTIAN_2023.id]: CHAOTIAN_2023 };
export const DEFAULT_QUOTA_RULE_SET = CHAOTIAN_2023.id;
