/**
 * What a saved page's own `<style>` rules hide, as far as reading them without a browser can
 * say it soundly, for the CLI (extract-html.ts). The browser knows more (rendered.ts asks the
 * computed style); here only rules whose whole selector is one class (`.sr-only`) or one id
 * (`#menu`) count, outside any at-rule (`@media` cannot be evaluated without a screen), and a
 * class or id is dropped again when any other rule could show it (`.menu.open {display:block}`,
 * `.nav:hover .menu {visibility:visible}`): then whether it is hidden depends on state only a
 * browser has. Stylesheets loaded from elsewhere (`<link>`) are not read (the CLI reads one file).
 */
import { hidesText, parseDeclarations } from './visible-text';

export interface HidingRules {
  classes: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

export const NO_RULES: HidingRules = { classes: new Set(), ids: new Set() };

const ONE_CLASS = /^\.(-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)$/;
const ONE_ID = /^#(-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)$/;
const NAMES = /([.#])(-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)/g;

/** Whether declarations could make an element shown again (overriding a hiding rule). */
function mayShow(decls: ReadonlyMap<string, string>): boolean {
  const display = decls.get('display');
  const visibility = decls.get('visibility');
  const cv = decls.get('content-visibility');
  return (
    (display !== undefined && display !== 'none') ||
    (visibility !== undefined && visibility !== 'hidden' && visibility !== 'collapse') ||
    (cv !== undefined && cv !== 'hidden') ||
    ['position', 'clip', 'clip-path', 'width', 'height', 'overflow'].some((p) => decls.has(p) && !hidesText(decls))
  );
}

/** End of the block that opens at `open` (the index of its `{`), braces balanced. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return css.length;
}

/** The hiding rules of some style sheets' text (the contents of `<style>` elements). */
export function hidingRules(sheets: readonly string[]): HidingRules {
  const hideClasses = new Set<string>();
  const hideIds = new Set<string>();
  const shown = new Set<string>();
  for (const sheet of sheets) {
    const css = sheet.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
    let i = 0;
    while (i < css.length) {
      const open = css.indexOf('{', i);
      if (open < 0) break;
      const prelude = css.slice(i, open);
      const at = prelude.lastIndexOf('@');
      const semi = prelude.lastIndexOf(';');
      const end = blockEnd(css, open);
      // `@import …;` statements before a rule belong to no block
      const selectorText = (semi >= 0 ? prelude.slice(semi + 1) : prelude).trim();
      if (at >= 0 && at > semi) {
        // An at-rule's block: whatever it hides depends on media, support or layer order, but
        // what it may show is noted all the same.
        for (const m of css.slice(open, end).matchAll(NAMES)) shown.add(m[1]! + m[2]!);
        i = end + 1;
        continue;
      }
      const decls = parseDeclarations(css.slice(open + 1, end));
      const selectors = selectorText.split(',').map((s) => s.trim());
      if (hidesText(decls)) {
        for (const s of selectors) {
          const c = ONE_CLASS.exec(s);
          if (c) hideClasses.add(c[1]!);
          const d = ONE_ID.exec(s);
          if (d) hideIds.add(d[1]!);
        }
      } else if (mayShow(decls)) {
        for (const s of selectors) for (const m of s.matchAll(NAMES)) shown.add(m[1]! + m[2]!);
      }
      i = end + 1;
    }
  }
  return {
    classes: new Set([...hideClasses].filter((c) => !shown.has('.' + c))),
    ids: new Set([...hideIds].filter((d) => !shown.has('#' + d))),
  };
}

/** Whether an element with these attributes is hidden by `rules` (an inline style that shows it wins). */
export function hiddenByRules(rules: HidingRules, get: (name: string) => string | null): boolean {
  if (!rules.classes.size && !rules.ids.size) return false;
  const id = get('id');
  let hit = id !== null && rules.ids.has(id);
  if (!hit && rules.classes.size) {
    const cls = get('class');
    if (cls) hit = cls.split(/\s+/).some((c) => rules.classes.has(c));
  }
  if (!hit) return false;
  const style = get('style');
  return !(style && mayShow(parseDeclarations(style)));
}

/** The text of a document's `<style>` elements (not inside comments; `media` other than screen/all left out). */
export function styleSheetsOf(html: string): string[] {
  if (!/<style/i.test(html)) return [];
  const source = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  const out: string[] = [];
  for (const m of source.matchAll(/<style\b([^>]*)>([\s\S]*?)(<\/style\s*>|$)/gi)) {
    const media = /\bmedia\s*=\s*["']?([^"'>]*)/i.exec(m[1]!)?.[1]?.trim().toLowerCase();
    if (media && media !== 'all' && media !== 'screen') continue;
    out.push(m[2]!);
  }
  return out;
}
