import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandRequest } from '../../../lib/background/commands';
import { parseTabRequest } from '../../../lib/messaging/tab-protocol';

describe('shortcuts as manifest commands', () => {
  it('turn into a validated step message for the tab', () => {
    expect(commandRequest('next-mention')).toEqual({ type: 'tab/step', direction: 1 });
    expect(commandRequest('previous-mention')).toEqual({ type: 'tab/step', direction: -1 });
    expect(commandRequest('_execute_action')).toBeNull();
    expect(commandRequest('toString')).toBeNull();
    expect(parseTabRequest(commandRequest('next-mention'))).toEqual({ type: 'tab/step', direction: 1 });
    expect(parseTabRequest({ type: 'tab/step', direction: 5 })).toBeNull();
  });

  it('are declared in the manifest with their keys and a description in both languages', () => {
    const config = readFileSync(join(process.cwd(), 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/'next-mention': \{ suggested_key: \{ default: 'Alt\+Shift\+J' \}, description: '__MSG_cmdNextMention__' \}/);
    expect(config).toMatch(/'previous-mention': \{ suggested_key: \{ default: 'Alt\+Shift\+K' \}, description: '__MSG_cmdPreviousMention__' \}/);
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.cmdNextMention?.message, locale).toBeTruthy();
      expect(messages.cmdPreviousMention?.message, locale).toBeTruthy();
    }
  });
});
