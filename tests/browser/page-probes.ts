/**
 * Functions run inside a test page, the same for both browser drivers (Playwright's
 * `page.evaluate(fn, arg)` in Chromium, BiDi `evaluate(fn, arg)` in Firefox). Each one is
 * self-contained: it is sent to the page as source text.
 */

/** Our highlights as the page itself sees them: name → the texts of their ranges. */
export function highlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((hl, name) => {
    out[name] = [...hl].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });
  return out;
}

/**
 * Viewport point in the middle of the first occurrence of `needle`, scrolled into view; in
 * the page's body, or in the open shadow root of the first element matching `host`. Null when absent.
 */
export function pointOfText([needle, host]: [string, string?]): { x: number; y: number } | null {
  const root = host ? document.querySelector(host)!.shadowRoot! : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i < 0) continue;
    (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    // The first line's box: a needle that wraps has a bounding box whose middle may lie on other text.
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
}

/** Selects the first occurrence of `needle` as a reader would, and lets go of the mouse. */
export function selectTextInPage(needle: string): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return;
  }
  throw new Error('not found: ' + needle);
}

/**
 * Our highlights by class, whatever this build's random name start (lib/overlay/highlighter.ts):
 * `<start>-unit` is listed as `msl-unit`, and so on. Runs in Node, on what `highlightTexts` returned.
 */
export function byClass(named: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, texts] of Object.entries(named)) {
    const m = name.match(/^[a-z][a-z0-9]*-(unit|project-done|project-open|followed|note|flash)$/);
    out[m ? `msl-${m[1]}` : name] = texts;
  }
  return out;
}

/**
 * Every highlighted mention and note on the page in reading order, as the page has it (sorted by
 * position, a note before a mention that starts where it starts): `note:<text>` for notes.
 */
export function readingOrder(): string[] {
  const all: { range: Range; text: string; note: boolean }[] = [];
  CSS.highlights.forEach((hl, name) => {
    if (name.endsWith('-followed') || name.endsWith('-flash')) return;
    for (const r of hl) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      all.push({ range, text: range.toString(), note: name.endsWith('-note') });
    }
  });
  all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || (a.note === b.note ? 0 : a.note ? -1 : 1));
  return all.map((x) => (x.note ? `note:${x.text}` : x.text));
}
