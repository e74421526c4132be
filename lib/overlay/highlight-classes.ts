/** The kinds of highlight drawn on a page, and how each looks. */

export const HIGHLIGHT_CLASSES = ['unit', 'project-done', 'project-open', 'followed', 'note'] as const;
export type HighlightClass = (typeof HIGHLIGHT_CLASSES)[number];

export interface HighlightStyle {
  background: string;
  color: string;
  decoration?: string;
}

/**
 * Defaults chosen for ≥ 4.5:1 contrast of black text on each background. The CSS Highlight
 * painter gets them from components/overlay/highlights.css; the fallback painter from here.
 */
export const DEFAULT_HIGHLIGHT_STYLES: Record<HighlightClass, HighlightStyle> = {
  unit: { background: '#cfe3ff', color: '#0b1a33' },
  'project-done': { background: '#c8f0cf', color: '#0a2410' },
  'project-open': { background: '#ffe2a8', color: '#2e1c00' },
  followed: { background: 'transparent', color: 'inherit', decoration: 'underline 2px solid #b3261e' },
  note: { background: '#fff59d', color: '#1f1b00', decoration: 'underline 2px dotted #8a6d00' },
};

/** Later classes paint over earlier ones. */
export const HIGHLIGHT_PRIORITY: Record<HighlightClass, number> = { unit: 1, 'project-done': 2, 'project-open': 2, followed: 3, note: 4 };

/** The user's colours (options page) as highlight styles; undefined where they are the defaults. */
export function customStyles(colours: { project: { background: string; text: string }; unit: { background: string; text: string } }): Partial<Record<HighlightClass, HighlightStyle>> {
  const out: Partial<Record<HighlightClass, HighlightStyle>> = {};
  const differs = (cls: HighlightClass, c: { background: string; text: string }) =>
    c.background.toLowerCase() !== DEFAULT_HIGHLIGHT_STYLES[cls].background || c.text.toLowerCase() !== DEFAULT_HIGHLIGHT_STYLES[cls].color;
  if (differs('unit', colours.unit)) out.unit = { background: colours.unit.background, color: colours.unit.text };
  if (differs('project-done', colours.project)) out['project-done'] = { background: colours.project.background, color: colours.project.text };
  return out;
}
