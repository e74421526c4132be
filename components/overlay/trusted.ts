/**
 * Writes act only on input the browser says came from the reader (DESIGN contract 7): a page
 * script can dispatch clicks and key presses, but never trusted ones. One function, so tests
 * that drive the components with synthetic events can stand in for the browser here.
 */
export const isTrusted = (e: Event): boolean => e.isTrusted;
