/**
 * The sentence around a passage, kept as evidence with notes and sightings so that a quote
 * outlives the page it came from. A sentence runs from the previous sentence end to the next
 * one (Chinese and Latin full stops, question and exclamation marks, line breaks, table cells);
 * semicolons do not end it (lists of projects are often joined by them). Offsets are UTF-16
 * code units (DESIGN contract 4).
 */

/** Characters that end a sentence: 。！？ and their half-width forms, line and cell breaks. */
const SENTENCE_END = /[。！？!?\n\t\r]/;
/** Closing quotes and brackets that belong to the sentence they close (“……。”). */
const CLOSERS = /[”’」』）)】"'》]/;

/** How far the sentence may reach on each side of the passage, in UTF-16 units. */
export const SENTENCE_REACH = 160;

/**
 * The sentence containing [start, end) of `text`, trimmed of surrounding whitespace, at most
 * `reach` units either side of the passage (a longer sentence is cut there and marked with "…").
 * Throws a RangeError for a range outside the text.
 */
export function sentenceAround(text: string, start: number, end: number, reach = SENTENCE_REACH): string {
  if (!(0 <= start && start <= end && end <= text.length)) throw new RangeError(`bad range ${start}–${end} in text of ${text.length}`);
  let a = start;
  while (a > 0 && start - a < reach && !SENTENCE_END.test(text[a - 1]!)) a--;
  const cutBefore = a > 0 && !SENTENCE_END.test(text[a - 1]!);
  let b = end;
  while (b < text.length && b - end < reach && !SENTENCE_END.test(text[b]!)) b++;
  // Keep the full stop and a closing quote after it.
  if (b < text.length && /[。！？!?]/.test(text[b]!)) {
    b++;
    while (b < text.length && CLOSERS.test(text[b]!)) b++;
  }
  const cutAfter = b < text.length && b - end >= reach && !SENTENCE_END.test(text[b]!);
  const body = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return `${cutBefore ? '…' : ''}${body}${cutAfter ? '…' : ''}`;
}

/** Longest sentence kept with a note or sighting (the protocol's limit). */
export const MAX_SENTENCE = 1000;

/**
 * `{ sentence }` for a message or row, or `{}` when there is no text there (a mention found
 * without its text) or the sentence is longer than MAX_SENTENCE (a passage of many sentences).
 */
export function evidenceSentence(text: string, start: number, end: number): { sentence?: string } {
  if (!text || end > text.length) return {};
  const sentence = sentenceAround(text, start, end);
  return sentence && sentence.length <= MAX_SENTENCE ? { sentence } : {};
}
