import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries, translator } from '../../../lib/i18n';

describe('UI strings', () => {
  it('has every key in both languages, none empty', () => {
    const zh = dictionaries.zh_CN;
    const en = dictionaries.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, value] of Object.entries(zh)) {
      expect(value, key).not.toBe('');
      expect(en[key as keyof typeof en], key).not.toBe('');
    }
  });

  it('keeps the same {placeholders} in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(dictionaries.zh_CN) as (keyof typeof dictionaries.zh_CN)[]) {
      expect(holes(dictionaries.en[key]), key).toEqual(holes(dictionaries.zh_CN[key]));
    }
  });

  it('has the same manifest messages in both _locales', () => {
    const read = (l: string) => JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const zh = read('zh_CN');
    const en = read('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh)) expect(en[k]?.message, k).toBeTruthy();
  });

  it('says "1 note" and "2 notes" in English, and counts the same way in Chinese', () => {
    const en = translator('en');
    expect(en('noteCount', { n: 1 })).toBe('1 note');
    expect(en('noteCount', { n: 2 })).toBe('2 notes');
    expect(en('noteCount', { n: 0 })).toBe('0 notes');
    expect(en('visits', { n: 1 })).toBe('1 visit');
    expect(en('orphanNotes', { n: 1 })).toMatch(/^1 note on this page no longer finds its passage .*; it is kept:$/);
    expect(translator('zh_CN')('noteCount', { n: 1 })).toBe(dictionaries.zh_CN.noteCount.replace('{n}', '1'));
  });

  it('leaves no plural form unresolved in any English string', () => {
    const en = translator('en');
    for (const key of Object.keys(dictionaries.en) as (keyof typeof dictionaries.en)[]) {
      const holes = Object.fromEntries((dictionaries.en[key].match(/\{(\w+)[}:]/g) ?? []).map((h) => [h.slice(1, -1), 1]));
      expect(en(key, holes), key).not.toMatch(/\{\w+:/);
    }
  });

  it('keeps the store description within Chrome\'s 132 characters in every language', () => {
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.extDescription!.message.length, locale).toBeLessThanOrEqual(132);
    }
  });
});
