import { describe, expect, it } from 'vitest';
import { volunteerStanding } from '../../../api/src/engine/leaders/index.ts';

describe('volunteerStanding', () => {
  it('works out rates and people short against 13% / 100% / 80% / 13% by hand', () => {
    // 1000 residents: 13% = 130 registered needed, 120 registered → 10 short; 10 cadres: all 10 needed (9 → 1 short);
    // 80% of 10 = 8 taking part needed (7 → 1 short); residents taking part 140 ≥ 130 → met.
    const s = volunteerStanding({ registeredResidents: 120, totalCadres: 10, registeredCadres: 9, participatingCadres: 7, participatingResidents: 140 }, 1000);
    expect(s.residentRegistration).toEqual({ count: 120, base: 1000, rate: 0.12, target: 0.13, met: false, shortPeople: 10 });
    expect(s.cadreRegistration).toMatchObject({ rate: 0.9, met: false, shortPeople: 1 });
    expect(s.cadreParticipation).toMatchObject({ rate: 0.7, met: false, shortPeople: 1 });
    expect(s.residentParticipation).toMatchObject({ rate: 0.14, met: true, shortPeople: 0 });
  });

  it('rounds the needed people up (13% of 101 is 13.13 → 14) and leaves rates without a population uncomputed', () => {
    expect(volunteerStanding({ registeredResidents: 13, totalCadres: null, registeredCadres: null, participatingCadres: null, participatingResidents: null }, 101)
      .residentRegistration).toMatchObject({ met: false, shortPeople: 1 });
    const none = volunteerStanding({ registeredResidents: 50, totalCadres: 3, registeredCadres: 3, participatingCadres: 3, participatingResidents: 5 }, null);
    expect(none.residentRegistration).toMatchObject({ rate: null, met: null, shortPeople: null });
    expect(none.cadreRegistration).toMatchObject({ rate: 1, met: true, shortPeople: 0 });
  });
});
