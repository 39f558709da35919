import { describe, expect, it } from 'vitest';
import { guessKind, parseBoolean, parseCount, parseDegrees, parseKind, parsePrecision, parseStatus } from '../../api/src/import/parse-values.ts';

describe('parseKind', () => {
  it.each([
    ['新时代文明实践中心', 'center'], ['朝天区新时代文明实践中心', 'center'], ['实践所', 'institute'], ['新时代文明实践所', 'institute'],
    ['实践站', 'station'], ['新时代文明实践站', 'station'], ['广场', 'square'], ['文明实践广场', 'square'], ['基地', 'base'],
    ['实践点', 'point'], ['实践户', 'household'], ['志愿服务基地', 'volunteer_site'], ['志愿服务站点', 'volunteer_site'],
    ['志愿服务基地/站点', 'volunteer_site'], ['station', 'station'], ['volunteer_site', 'volunteer_site'], [' Institute ', 'institute'],
    ['Practice Square', 'square'], ['文化礼堂', null], ['', null], ['青云村实践站', 'station'],
    // Never by substring: a "Mars base" is no practice base, nor is a village's culture square a practice square.
    ['火星基地', null], ['朝天镇文化广场', null], ['实践站旧址', null], ['非志愿服务站点', null],
  ])('%s → %s', (text, kind) => expect(parseKind(text)).toBe(kind));
  it('guesses a kind only as a suggestion', () => {
    expect(guessKind('火星基地')).toBe('base');
    expect(guessKind('文化礼堂')).toBe(null);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['是', true], ['否', false], ['√', true], ['✓', true], ['✔', true], ['×', false], ['1', true], ['0', false], ['yes', true],
    ['NO', false], ['true', true], ['', null], ['  ', null], ['每月一次', undefined],
  ])('%s → %s', (text, v) => expect(parseBoolean(text)).toBe(v));
});

describe('parseStatus / parsePrecision', () => {
  it('reads Chinese and English statuses', () => {
    expect(parseStatus('已建')).toBe('existing');
    expect(parseStatus('规划')).toBe('planned');
    expect(parseStatus('建议')).toBe('proposed');
    expect(parseStatus('Planned')).toBe('planned');
    expect(parseStatus('')).toBeNull();
    expect(parseStatus('拆除')).toBeUndefined();
    expect(parsePrecision('近似')).toBe('approximate');
    expect(parsePrecision('精确')).toBe('exact');
    expect(parsePrecision('未放置')).toBeNull();
    expect(parsePrecision('差不多')).toBeUndefined();
  });
});

describe('parseDegrees', () => {
  it.each([
    ['106.15', 106.15], [' 32.64 ', 32.64], ['106.15°E', 106.15], ['106.15E', 106.15], ['-12.5', -12.5], ['12.5S', -12.5],
    // 32°38′24″ = 32 + 38/60 + 24/3600 = 32.64
    ['32°38′24″', 32.64], ['32度38分24秒', 32.64], ['106°9\'', 106.15], ['', null],
  ])('%s → %s', (text, v) => {
    const got = parseDegrees(text);
    if (v === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(v, 9);
  });
  it('gives NaN for text that is not a coordinate', () => {
    expect(parseDegrees('abc')).toBeNaN();
    expect(parseDegrees('106.1.5')).toBeNaN();
  });
});

describe('parseCount', () => {
  it('accepts thousands separators and 人, refuses negatives and words', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('1234人')).toBe(1234);
    expect(parseCount('')).toBeNull();
    expect(parseCount('-5')).toBeNaN();
    expect(parseCount('约100')).toBeNaN();
  });
});
