/** The plan's volunteer targets (2023 plan): share of residents registered, cadres registered and taking part. */
export const VOLUNTEER_TARGETS = { residentRegistration: 0.13, cadreRegistration: 1, cadreParticipation: 0.8, residentParticipation: 0.13 } as const;

export interface VolunteerCounts {
  registeredResidents: number | null; totalCadres: number | null; registeredCadres: number | null;
  participatingCadres: number | null; participatingResidents: number | null;
}

export interface RateAgainstTarget {
  /** Numerator (people). */
  count: number | null;
  /** Denominator (people): residents or cadres; null when not known. */
  base: number | null;
  rate: number | null;
  target: number;
  met: boolean | null;
  /** People short of the target (0 when met); null when it cannot be computed. */
  shortPeople: number | null;
}

export interface VolunteerStanding {
  residentRegistration: RateAgainstTarget;
  cadreRegistration: RateAgainstTarget;
  cadreParticipation: RateAgainstTarget;
  residentParticipation: RateAgainstTarget;
}

function against(count: number | null, base: number | null, target: number): RateAgainstTarget {
  if (count === null || base === null || base <= 0) return { count, base, rate: null, target, met: null, shortPeople: null };
  const needed = Math.ceil(target * base - 1e-9);
  return { count, base, rate: count / base, target, met: count >= needed, shortPeople: Math.max(0, needed - count) };
}

/**
 * Rates and shortfalls (in people) of one place against the plan's four volunteer targets.
 * `population` is the resident population (null: the resident rates cannot be computed).
 * @example volunteerStanding({ registeredResidents: 120, totalCadres: 10, registeredCadres: 9, participatingCadres: 7, participatingResidents: 100 }, 1000)
 *   .residentRegistration.shortPeople // 10 (13% of 1000 = 130)
 */
export function volunteerStanding(c: VolunteerCounts, population: number | null): VolunteerStanding {
  const T = VOLUNTEER_TARGETS;
  return {
    residentRegistration: against(c.registeredResidents, population, T.residentRegistration),
    cadreRegistration: against(c.registeredCadres, c.totalCadres, T.cadreRegistration),
    cadreParticipation: against(c.participatingCadres, c.totalCadres, T.cadreParticipation),
    residentParticipation: against(c.participatingResidents, population, T.residentParticipation),
  };
}
