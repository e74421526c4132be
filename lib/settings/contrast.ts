/** WCAG 2.x contrast, so a chosen highlight colour never makes the page's text unreadable. */

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

export const isHexColour = (v: unknown): v is string => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v);

/** Relative luminance of an sRGB `#rrggbb` colour (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  if (!isHexColour(hex)) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** (L1 + 0.05) / (L2 + 0.05), from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}
