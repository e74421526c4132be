/**
 * Which parts of a page are text a reader sees, and where lines break: shared by the
 * content script (TreeWalker over the live DOM, extract-dom.ts) and the CLI (HTML string
 * tokenizer, extract-html.ts), so a page scanned in the browser and the same page saved and
 * scanned from the command line give the same text and offsets.
 */

/**
 * Subtrees never read: code, styles, metadata, embedded documents, form controls, and ruby
 * annotations (`rt`, `rp`, `rtc`): 公<rt>gōng</rt>安<rt>ān</rt>局 reads 公安局, the base text a
 * reader reads, not the pinyin (or the fallback parentheses) printed over or around it.
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'select', 'datalist', 'textarea', 'input', 'img', 'picture', 'source', 'track', 'map',
  'rt', 'rp', 'rtc',
]);

/** Elements that start and end a line. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/**
 * Table cells are separated by a tab, not a line: a row (序号 · 牵头单位 · 项目) stays one
 * line, so the linker sees a project's row number and unit as its context.
 */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);

/** What an element contributes before its content (a line break for blocks). */
export function openBoundary(tag: string): '' | '\n' {
  return BLOCK_TAGS.has(tag) || tag === 'br' ? '\n' : '';
}

/** What an element contributes after its content (a line break for blocks, a tab after a cell). */
export function closeBoundary(tag: string): '' | '\n' | '\t' {
  if (BLOCK_TAGS.has(tag)) return '\n';
  return CELL_TAGS.has(tag) ? '\t' : '';
}

/**
 * Whitespace-only text between tags is left out: where a parser puts it (before <body>, in
 * a table) differs between a browser and a tokenizer, and matching ignores spaces anyway.
 */
export function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}

/**
 * Appends text and boundaries: consecutive breaks collapse to one, a tab never follows a
 * break, and nothing leads. Both extractors build their string through this.
 */
export class TextSink {
  readonly parts: string[] = [];
  length = 0;
  private last: '' | '\n' | '\t' | 'text' = '';

  text(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
    this.last = 'text';
  }

  boundary(b: '' | '\n' | '\t'): void {
    if (!b || this.last === '' || this.last === '\n') return;
    if (b === '\t' && this.last === '\t') return;
    this.parts.push(b);
    this.length++;
    this.last = b;
  }

  /** Where the sink stands, for `rollBack`. */
  mark(): number {
    return this.parts.length;
  }

  /**
   * Back to `mark`, when only boundaries were added since (a subtree entered, then found
   * hidden before any of its text was taken): as if it had never been entered.
   */
  rollBack(mark: number): void {
    while (this.parts.length > mark) this.length -= this.parts.pop()!.length;
    const last = this.parts[this.parts.length - 1];
    this.last = last === undefined ? '' : last === '\n' || last === '\t' ? last : 'text';
  }

  toString(): string {
    return this.parts.join('').replace(/[\n\t]+$/, '');
  }
}

/**
 * Declarations that hide an element's text from a sighted reader, whatever the selector that
 * set them: `display:none`, `visibility:hidden|collapse`, `content-visibility:hidden`, and the
 * "visually hidden" idiom (absolutely positioned, clipped to nothing or to a 1 px box: the
 * `sr-only` / `visually-hidden` / `screen-reader-text` classes of CSS frameworks). `decls` maps
 * lower-case property names to lower-case values without `!important`.
 */
export function hidesText(decls: ReadonlyMap<string, string>): boolean {
  const display = decls.get('display');
  if (display === 'none') return true;
  const visibility = decls.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return true;
  if (decls.get('content-visibility') === 'hidden') return true;
  const position = decls.get('position');
  if (position !== 'absolute' && position !== 'fixed') return false;
  // rect(0 0 0 0), rect(0px, 0px, 0px, 0px), rect(1px 1px 1px 1px): a box clipped to (almost) nothing
  const clip = decls.get('clip')?.replace(/[\s,]+/g, '');
  if (clip && /^rect\(((0(px)?){4}|(1px){4})\)$/.test(clip)) return true;
  if (/^inset\((50|100)%\)$/.test(decls.get('clip-path')?.replace(/\s+/g, '') ?? '')) return true;
  const tiny = (v: string | undefined) => v !== undefined && /^(0|1px|0px)$/.test(v);
  const overflow = decls.get('overflow');
  return tiny(decls.get('width')) && tiny(decls.get('height')) && (overflow === 'hidden' || overflow === 'clip');
}

/** An inline `style` attribute as declarations (see `hidesText`); the last one of a property wins. */
export function parseDeclarations(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim().toLowerCase().replace(/\s+/g, ' ');
    if (name && value) out.set(name, value);
  }
  return out;
}

/**
 * Hidden by markup alone: the `hidden` attribute (`until-found` too), `inert` (what a page
 * makes inert — an off-screen slide, a closed drawer — assistive technology leaves out as
 * well), or an inline style that hides (see `hidesText`). The CLI can know no more than
 * this and the document's own simple style rules (style-rules.ts); the browser also asks
 * the computed style (rendered.ts).
 */
export function hiddenByAttributes(get: (name: string) => string | null): boolean {
  if (get('hidden') !== null || get('inert') !== null) return true;
  const style = get('style');
  if (!style || !style.includes(':')) return false;
  const s = style.toLowerCase();
  if (s.includes('none') && get('aria-hidden') === 'true') return true;
  // Cheap screen before parsing: no word of a hiding declaration, no need to parse.
  if (!s.includes('none') && !s.includes('hidden') && !s.includes('clip') && !s.includes('1px')) return false;
  return hidesText(parseDeclarations(style));
}

/** Whether an element's subtree is read at all. */
export function isSkipped(tag: string, get: (name: string) => string | null): boolean {
  return SKIP_TAGS.has(tag) || hiddenByAttributes(get);
}

/**
 * A closed `<details>` shows its first `<summary>` child only (the browser puts the rest in a
 * slot it does not render until opened).
 */
export function isClosedDetails(tag: string, get: (name: string) => string | null): boolean {
  return tag === 'details' && get('open') === null;
}
