/**
 * Events as the browser makes them for the user's own input. Our listeners act only on
 * `isTrusted` events; happy-dom leaves it unset, so tests mark the input that stands for the
 * user's (page-made events stay untrusted, as in a browser).
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
