/**
 * Which parts of a page are text a reader sees, and where lines break: shared by the
 * content script (TreeWalker over the live DOM, extract-dom.ts) and the CLI (HTML string
 * tokenizer, extract-html.ts), so a page scanned in the browser and the same page saved and
 * scanned from the command line give the same text and offsets.
 */

/** Subtrees never read: code, styles, metadata, embedded documents, form controls. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'select', 'datalist', 'textarea', 'input', 'img', 'picture', 'source', 'track', 'map',
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

  toString(): string {
    return this.parts.join('').replace(/[\n\t]+$/, '');
  }
}

/** Hidden by markup alone: the `hidden` attribute or an inline display:none / visibility:hidden. */
export function hiddenByAttributes(get: (name: string) => string | null): boolean {
  if (get('hidden') !== null) return true;
  if (get('aria-hidden') === 'true' && get('style')?.includes('none')) return true;
  const style = get('style');
  if (!style) return false;
  const s = style.toLowerCase().replace(/\s+/g, '');
  return s.includes('display:none') || s.includes('visibility:hidden');
}

/** Whether an element's subtree is read at all. */
export function isSkipped(tag: string, get: (name: string) => string | null): boolean {
  return SKIP_TAGS.has(tag) || hiddenByAttributes(get);
}
