/** A tiny seeded PRNG (mulberry32) and random-text helpers for property tests and benches. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Pieces of nasty text: emoji, astral CJK, RTL, controls, lone surrogates, separators, full-width. */
export const NASTY: readonly string[] = [
  '😀', '👩‍👩‍👧', '🇨🇳', '𠀀', '𪚥', '\u0627\u0644\u0639\u0631\u0628\u064a\u0629', '\u05e2\u05d1\u05e8\u05d9\u05ea', '\u202e', '\u200f',
  '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\ud800', '\udc00', '\udbff', '\udfff', '\ufffd', '\ufeff', '\u200b', '\u00ad',
  '“', '”', '「', '」', '"', "'", ' ', '\n', '\r\n', '\t', '\u3000', '\u00a0', 'ＡＢＣ', '１２３', '，', '。', '；', '|', '——', '·',
  '<p>', '&amp;', 'a', 'Z', '9', '晋', '江', '市', '镇', '局', '村', '\u2028',
];
