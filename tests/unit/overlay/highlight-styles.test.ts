import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customStyles, DEFAULT_HIGHLIGHT_STYLES, HIGHLIGHT_CLASSES } from '../../../lib/overlay/highlight-classes';
import { contrastRatio } from '../../../lib/settings/contrast';
import { DEFAULT_HIGHLIGHT_COLOURS } from '../../../lib/settings/settings';

const css = readFileSync(join(process.cwd(), 'components/overlay/highlights.css'), 'utf8');

describe('highlight styles', () => {
  it('ships a rule for every class, with the same colours the fallback painter uses', () => {
    for (const cls of HIGHLIGHT_CLASSES) {
      const rule = css.match(new RegExp(`::highlight\\(msl-${cls}\\) \\{([^}]*)\\}`))?.[1];
      expect(rule, cls).toBeDefined();
      const s = DEFAULT_HIGHLIGHT_STYLES[cls];
      if (s.background !== 'transparent') expect(rule).toContain(`background-color: ${s.background}`);
      if (s.color !== 'inherit') expect(rule).toContain(`color: ${s.color}`);
    }
  });

  it('keeps readable contrast for every default background', () => {
    for (const cls of HIGHLIGHT_CLASSES) {
      const s = DEFAULT_HIGHLIGHT_STYLES[cls];
      if (s.background.startsWith('#') && s.color.startsWith('#')) expect(contrastRatio(s.color, s.background), cls).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('adds runtime styles only for colours the user changed', () => {
    expect(customStyles(DEFAULT_HIGHLIGHT_COLOURS)).toEqual({});
    const changed = customStyles({ ...DEFAULT_HIGHLIGHT_COLOURS, unit: { background: '#ffffff', text: '#000000' } });
    expect(changed).toEqual({ unit: { background: '#ffffff', color: '#000000' } });
  });
});
