/**
 * User settings, in `storage.local` (extension storage, never the page's). Unknown or
 * malformed stored values fall back to defaults field by field, so a bad write cannot
 * lock the user out of the UI.
 */
import type { Locale } from '../i18n';
import { contrastRatio, isHexColour, MIN_CONTRAST } from './contrast';
import { normaliseHostPattern } from './sites';

/** Background and text colour of one kind of highlight; text on background must stay readable. */
export interface HighlightColour {
  background: string; // #rrggbb
  text: string; // #rrggbb
}

export interface HighlightColours {
  project: HighlightColour;
  unit: HighlightColour;
}

/**
 * Which pages leave a sighting: every page where a known item is mentioned ('all'), only
 * mentions of followed items ('followed'), or none ('off'). Sightings never leave the machine.
 */
export type SightingsMode = 'all' | 'followed' | 'off';

export interface Settings {
  locale: Locale;
  /** Host patterns where the content script runs by itself (`jinjiang.gov.cn` also covers its subdomains). */
  autoSites: string[];
  /** Run on every site; only true while the optional `<all_urls>` permission is granted. */
  allSites: boolean;
  highlightColours: HighlightColours;
  sightingsMode: SightingsMode;
  /** Draw highlights as elements (read by screen readers) instead of with the CSS Highlight API. */
  wrapHighlights: boolean;
  /** Hosts where the user said "don't run on this site" (wins over every other rule). */
  disabledSites: string[];
}

/**
 * Where coverage of Jinjiang's projects is usually published: every government site
 * (gov.cn), the Jinjiang, Quanzhou and Fujian news sites. The content script is declared for
 * exactly these (lib/overlay/sites.ts builds its match patterns from this list).
 */
export const DEFAULT_AUTO_SITES: readonly string[] = [
  'gov.cn',
  'ijjnews.com',
  'fjdaily.com',
  'mnw.cn',
  'qzwb.com',
  'qzcns.com',
  'fjsen.com',
  'chinadaily.com.cn',
];

export const DEFAULT_HIGHLIGHT_COLOURS: HighlightColours = {
  // the same as components/overlay/highlights.css (a test keeps them equal)
  project: { background: '#c8f0cf', text: '#0a2410' },
  unit: { background: '#cfe3ff', text: '#0b1a33' },
};

export const SIGHTINGS_MODES: readonly SightingsMode[] = ['all', 'followed', 'off'];

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh_CN',
  autoSites: [...DEFAULT_AUTO_SITES],
  allSites: false,
  highlightColours: DEFAULT_HIGHLIGHT_COLOURS,
  sightingsMode: 'all',
  wrapHighlights: false,
  disabledSites: [],
};

export const SETTINGS_KEY = 'settings';

function normaliseColour(raw: unknown, fallback: HighlightColour): HighlightColour {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const background = isHexColour(r.background) ? r.background.toLowerCase() : fallback.background;
  const text = isHexColour(r.text) ? r.text.toLowerCase() : fallback.text;
  // An unreadable pair is never used, even if something wrote it.
  return contrastRatio(text, background) >= MIN_CONTRAST ? { background, text } : fallback;
}

/**
 * The UI language a browser asks for when the reader has not chosen one: Chinese for a browser
 * whose first preferred language is Chinese (any zh-*), English for every other (issue 13, 9).
 */
export function localeForLanguages(languages: readonly string[]): Locale {
  return /^zh\b/i.test(languages[0] ?? '') ? 'zh_CN' : 'en';
}

/** `fallbackLocale`: the language used when none was chosen (the browser's, see localeForLanguages). */
export function normaliseSettings(raw: unknown, fallbackLocale: Locale = DEFAULT_SETTINGS.locale): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const colours = (typeof r.highlightColours === 'object' && r.highlightColours !== null ? r.highlightColours : {}) as Record<string, unknown>;
  const sites = Array.isArray(r.autoSites)
    ? [...new Set(r.autoSites.map((s) => (typeof s === 'string' ? normaliseHostPattern(s) : null)).filter((s): s is string => s !== null))]
    : [...DEFAULT_AUTO_SITES];
  return {
    locale: r.locale === 'en' || r.locale === 'zh_CN' ? r.locale : fallbackLocale,
    autoSites: sites,
    allSites: r.allSites === true,
    highlightColours: {
      project: normaliseColour(colours.project, DEFAULT_HIGHLIGHT_COLOURS.project),
      unit: normaliseColour(colours.unit, DEFAULT_HIGHLIGHT_COLOURS.unit),
    },
    sightingsMode: SIGHTINGS_MODES.includes(r.sightingsMode as SightingsMode) ? (r.sightingsMode as SightingsMode) : DEFAULT_SETTINGS.sightingsMode,
    wrapHighlights: r.wrapHighlights === true,
    disabledSites: Array.isArray(r.disabledSites)
      ? [...new Set(r.disabledSites.map((s) => (typeof s === 'string' ? normaliseHostPattern(s) : null)).filter((s): s is string => s !== null))]
      : [],
  };
}
