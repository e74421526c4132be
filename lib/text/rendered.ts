/**
 * What a live page renders, for the content script's reader (extract-dom.ts): the computed
 * style decides, where markup alone (visible-text.ts) cannot — a menu hidden by a stylesheet
 * class, a `visibility:hidden` paragraph, `content-visibility:hidden`, a "visually hidden"
 * (`sr-only`) span.
 *
 * Cost is what shapes it (measured on the 1 MB bench page, in an isolated world): every call
 * into the DOM from a content script costs ~0.3–1.5 µs, and such a page has 18,000–40,000
 * elements. So the reader asks only about elements that directly hold text, once each (the
 * answer is cached on its stack of open elements), and `checkVisibility()` answers for the
 * element and all its ancestors in one call (no box, a `content-visibility:hidden` or closed
 * `<details>` ancestor, an inherited `visibility:hidden`). The one idiom it cannot see, a box
 * clipped to nothing, is found from the style sheets instead: the few rules that set `clip` /
 * `clip-path` / a 1 px size give selectors, whose matches are confirmed with their computed
 * style and skipped as the reader enters them.
 */
import { hidesText } from './visible-text';

/** The answer for one element. */
export const Render = {
  /** Rendered (with `coversAncestors`: so are all its ancestors). */
  Shown: 1,
  /** Not rendered, nor is anything inside it that the reader reads. */
  Hidden: 2,
  /** `display: contents`: no box of its own; rendered as its parent is. */
  AsParent: 3,
} as const;
export type RenderState = (typeof Render)[keyof typeof Render];

export interface RenderProbe {
  /** Asked once per element that directly holds text (the reader caches the answer). */
  check(el: Element): RenderState;
  /** A Shown answer vouches for the element's ancestors too (true with `checkVisibility`). */
  coversAncestors: boolean;
  /** Elements hidden in a way `check` cannot see (clipped to nothing): skipped on entry, with their subtree. */
  hiddenOnEntry: ReadonlySet<Element>;
}

type VisibilityCheck = (options?: Record<string, boolean>) => boolean;

/** `visibilityProperty` is the current name; Firefox before 122 knew it as `checkVisibilityCSS`. */
const CHECK_OPTIONS = { visibilityProperty: true, checkVisibilityCSS: true, contentVisibilityAuto: false };

/**
 * A probe for `doc`'s live rendering, or undefined where there is none to ask (a document
 * without a window: the reader then applies the markup rules alone).
 */
export function renderProbe(doc: Document): RenderProbe | undefined {
  const win = doc.defaultView;
  if (!win) return undefined;
  const hiddenOnEntry = visuallyHidden(doc, win);
  const proto = win.Element.prototype as unknown as { checkVisibility?: VisibilityCheck };
  if (typeof proto.checkVisibility === 'function') {
    return {
      coversAncestors: true,
      hiddenOnEntry,
      check(el) {
        if ((el as unknown as { checkVisibility: VisibilityCheck }).checkVisibility(CHECK_OPTIONS)) return Render.Shown;
        // No box: hidden, unless the element only gave up its own box (display: contents).
        const style = win.getComputedStyle(el);
        return style.display === 'contents' && style.visibility !== 'hidden' && style.visibility !== 'collapse' ? Render.AsParent : Render.Hidden;
      },
    };
  }
  return {
    coversAncestors: false,
    hiddenOnEntry,
    check(el) {
      const style = win.getComputedStyle(el);
      if (style.display === 'none' || style.visibility !== 'visible' || style.getPropertyValue('content-visibility') === 'hidden') return Render.Hidden;
      return style.display === 'contents' ? Render.AsParent : Render.Shown;
    },
  };
}

/** Declarations of a rule or a computed style that `hidesText` reads for the visually-hidden idiom. */
const CLIP_PROPERTIES = ['position', 'clip', 'clip-path', 'width', 'height', 'overflow'] as const;

/** Selectors of rules that may clip a box to nothing, per sheet, remade when its rule count changes. */
const sheetSelectors = new WeakMap<CSSStyleSheet, { count: number; selectors: string[] }>();

interface RuleLike {
  cssRules?: CSSRuleList;
  selectorText?: string;
  cssText: string;
  style?: CSSStyleDeclaration;
}

function clipSelectors(rules: CSSRuleList, out: string[]) {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as unknown as RuleLike;
    if (rule.selectorText !== undefined && rule.style) {
      // One call for the whole rule; most rules say nothing of clipping.
      const text = rule.cssText;
      if (!text.includes('clip') && !text.includes('1px')) continue;
      const decls = new Map<string, string>();
      for (const p of CLIP_PROPERTIES) {
        const v = rule.style.getPropertyValue(p);
        if (v) decls.set(p, v.toLowerCase());
      }
      // The position may come from another rule: ask the computed style of the matches later.
      if (!decls.has('position')) decls.set('position', 'absolute');
      if (hidesText(decls)) out.push(rule.selectorText);
    } else if (rule.cssRules) {
      clipSelectors(rule.cssRules, out); // @media, @supports, @layer, @container
    }
  }
}

/**
 * Elements clipped to nothing by the document's style sheets, confirmed by their computed
 * style. Sheets the page may not read (another origin's) are left out: for them only what
 * `checkVisibility` sees counts.
 */
function visuallyHidden(doc: Document, win: Window): Set<Element> {
  const selectors: string[] = [];
  const sheets: CSSStyleSheet[] = [...Array.from(doc.styleSheets), ...(doc.adoptedStyleSheets ?? [])];
  for (const sheet of sheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // not origin-clean
    }
    let known = sheetSelectors.get(sheet);
    if (!known || known.count !== rules.length) {
      known = { count: rules.length, selectors: [] };
      clipSelectors(rules, known.selectors);
      sheetSelectors.set(sheet, known);
    }
    selectors.push(...known.selectors);
  }
  const found = new Set<Element>();
  if (!selectors.length) return found;
  const matches: Element[] = [];
  try {
    matches.push(...Array.from(doc.querySelectorAll(selectors.join(','))));
  } catch {
    for (const s of selectors) {
      try {
        matches.push(...Array.from(doc.querySelectorAll(s)));
      } catch {
        // a selector this engine serialised but cannot query (vendor pseudo-classes)
      }
    }
  }
  for (const el of matches) {
    const style = win.getComputedStyle(el);
    const decls = new Map<string, string>();
    for (const p of CLIP_PROPERTIES) decls.set(p, style.getPropertyValue(p).toLowerCase());
    if (hidesText(decls)) found.add(el);
  }
  return found;
}
