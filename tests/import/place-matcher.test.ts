import { describe, expect, it } from 'vitest';
import villages from '../../geodata/villages.json' with { type: 'json' };
import townships from '../../geodata/townships.json' with { type: 'json' };
import { placeMatcher } from '../../api/src/import/place-matcher.ts';

const m = placeMatcher(townships, villages);

describe('placeMatcher', () => {
  it('matches townships by code, full name, or name without 镇/乡', () => {
    expect(m.township('510812101')?.name).toBe('大滩镇');
    expect(m.township('510812101000')?.name).toBe('大滩镇');
    expect(m.township('大滩镇')?.code).toBe('510812101');
    expect(m.township('大滩')?.code).toBe('510812101');
    expect(m.township('麻柳')?.name).toBe('麻柳乡');
    expect(m.township(' 临溪乡 ')?.name).toBe('临溪乡');
    expect(m.township('大滩乡')?.code).toBe('510812101');
    expect(m.township('成都')).toBeNull();
  });

  it('matches villages by code, full or short name, with or without 村/社区/村民委员会', () => {
    for (const text of ['510812100200', '朝天村村民委员会', '朝天村', '朝天', '朝天村委会']) {
      const r = m.village(text, '510812100');
      expect(r.ok && r.village.code).toBe('510812100200');
    }
    const c = m.village('明月路', null);
    expect(c.ok && c.village.code).toBe('510812100001');
  });

  it('says when a village exists but in another township', () => {
    const r = m.village('坪台村', '510812100');
    expect(r).toMatchObject({ ok: false, reason: 'not_in_township' });
    expect(!r.ok && r.candidates[0].townshipCode).toBe('510812101');
    expect(m.village('不存在村', '510812100')).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
