import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../lib/settings/contrast';
import { DEFAULT_SETTINGS, localeForLanguages, normaliseSettings } from '../../../lib/settings/settings';
import { hostMatches, normaliseHostPattern, siteIsAuto } from '../../../lib/settings/sites';

describe('settings', () => {
  it('falls back field by field', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = normaliseSettings({ locale: 'en', sightingsMode: 'nonsense', autoSites: ['https://www.Example.gov.cn/path', 'not a host', 'example.gov.cn'], allSites: 'yes' });
    expect(s.locale).toBe('en');
    expect(s.sightingsMode).toBe(DEFAULT_SETTINGS.sightingsMode);
    expect(s.autoSites).toEqual(['example.gov.cn']);
    expect(s.allSites).toBe(false);
  });

  it('never keeps an unreadable highlight colour pair', () => {
    const s = normaliseSettings({ highlightColours: { project: { background: '#ffff00', text: '#ffffff' }, unit: { background: '#000000', text: '#ffffff' } } });
    expect(s.highlightColours.project).toEqual(DEFAULT_SETTINGS.highlightColours.project);
    expect(s.highlightColours.unit).toEqual({ background: '#000000', text: '#ffffff' });
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    for (const c of Object.values(DEFAULT_SETTINGS.highlightColours)) expect(contrastRatio(c.text, c.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('matches a host pattern and its subdomains only', () => {
    expect(normaliseHostPattern('*.jinjiang.gov.cn')).toBe('jinjiang.gov.cn');
    expect(normaliseHostPattern('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(normaliseHostPattern('a b')).toBeNull();
    expect(hostMatches('www.jinjiang.gov.cn', 'jinjiang.gov.cn')).toBe(true);
    expect(hostMatches('notjinjiang.gov.cn', 'jinjiang.gov.cn')).toBe(false);
    expect(siteIsAuto('jjjjb.fjdaily.com', DEFAULT_SETTINGS.autoSites)).toBe(true);
  });
});

describe('the UI language', () => {
  it('follows the browser: Chinese only for a browser that prefers Chinese', () => {
    expect(localeForLanguages(['zh-CN', 'en'])).toBe('zh_CN');
    expect(localeForLanguages(['zh-TW'])).toBe('zh_CN');
    expect(localeForLanguages(['zh'])).toBe('zh_CN');
    expect(localeForLanguages(['en-US', 'zh-CN'])).toBe('en');
    expect(localeForLanguages(['fr-FR'])).toBe('en');
    expect(localeForLanguages(['zhx'])).toBe('en');
    expect(localeForLanguages([])).toBe('en');
  });

  it('is the browser\'s until the reader chooses one', () => {
    expect(normaliseSettings({}, 'en').locale).toBe('en');
    expect(normaliseSettings({ locale: 'zh_CN' }, 'en').locale).toBe('zh_CN');
    expect(normaliseSettings({ locale: 'fr' }, 'en').locale).toBe('en');
  });
});
