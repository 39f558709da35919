import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY, translate, type I18nKey } from '../../web/src/lib/i18n.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionary', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    const zhKeys = Object.keys(DICTIONARY.zh).sort();
    expect(Object.keys(DICTIONARY.en).sort()).toEqual(zhKeys);
    for (const k of zhKeys as I18nKey[]) {
      expect(DICTIONARY.zh[k].trim(), k).not.toBe('');
      expect(DICTIONARY.en[k].trim(), k).not.toBe('');
      expect(placeholders(DICTIONARY.en[k]), k).toEqual(placeholders(DICTIONARY.zh[k]));
    }
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(translate('zh', 'unplaced.count', { n: 12 })).toBe('共 12 个');
    expect(translate('en', 'filter.shown', { shown: 3, placed: 14 })).toBe('Showing 3 of 14 placed sites');
    expect(translate('en', 'filter.shown', { shown: 3 })).toBe('Showing 3 of {placed} placed sites');
  });

  it('the pages the browser loads first carry the same titles as the dictionary', () => {
    const title = (page: string) => readFileSync(new URL(`../../web/${page}`, import.meta.url), 'utf8').match(/<title>(.*)<\/title>/)?.[1];
    expect(title('index.html')).toBe(translate('zh', 'app.title'));
    expect(title('resident.html')).toContain(translate('zh', 'resident.title'));
  });
});
