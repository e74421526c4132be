import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/protocol';
import { createRouter, type Handlers } from '../../../lib/messaging/router';

const handlers: Handlers = {
  ping: () => ({ pong: true, version: '9' }),
  'dataset/ensure': () => Promise.reject(new Error('disk on fire')),
  'page/gate': () => ({ ok: true }),
};
const route = createRouter('me', handlers);

describe('the message protocol', () => {
  it('answers a valid request from this extension with a native Promise of an envelope', async () => {
    const answer = route({ type: 'ping' }, { id: 'me' });
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ ok: true, value: { pong: true, version: '9' } });
  });

  it('rejects other senders', async () => {
    expect(await route({ type: 'ping' }, { id: 'someone-else' })).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(await route({ type: 'ping' }, {})).toMatchObject({ ok: false });
  });

  it('rejects malformed payloads instead of guessing', async () => {
    for (const bad of [null, 'ping', [], { type: 'nope' }, { type: 'page/gate', relevant: 'yes', score: 1, mentions: 1 }, { type: 'page/gate', relevant: true, score: NaN, mentions: 1 }, { type: 'page/gate', relevant: true, score: 1, mentions: -1 }, { type: 'toString' }]) {
      expect(parseRequest(bad)).toBeNull();
      expect(await route(bad, { id: 'me' })).toEqual({ ok: false, error: 'invalid request' });
    }
  });

  it('turns a handler failure into an error envelope', async () => {
    expect(await route({ type: 'dataset/ensure' }, { id: 'me' })).toEqual({ ok: false, error: 'Error: disk on fire' });
  });
});
