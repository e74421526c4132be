/** How the content script reads a page: what it renders (computed style), never what is being edited. */
import type { DomTextOptions } from '../text/extract-dom';
import { renderProbe } from '../text/rendered';

/**
 * Options for `extractDomText(Steps)` on the live page: made afresh for each read, since the
 * style sheets (and so what a class hides) may have changed since the last one.
 */
export function pageReading(doc: Document): DomTextOptions {
  return { skipEditable: true, rendered: renderProbe(doc) };
}
