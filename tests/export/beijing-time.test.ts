import { describe, expect, it } from 'vitest';
import { beijingStamp, beijingTime } from '../../api/src/export/beijing-time.ts';

describe('beijingTime', () => {
  it('formats an instant as Beijing wall time (UTC+8), crossing midnight', () => {
    expect(beijingTime('2026-11-30T15:43:05Z')).toBe('2026-11-30 23:43:05');
    expect(beijingTime('2026-11-30T16:10:00Z')).toBe('2026-12-01 00:10:00');
    expect(beijingStamp(new Date('2026-11-30T16:10:00Z'))).toBe('20261201');
  });
});
