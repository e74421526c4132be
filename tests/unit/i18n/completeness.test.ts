import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../../lib/i18n';

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
});
