/**
 * Host patterns for "run automatically on these sites". A pattern is a host name
 * (`jinjiang.gov.cn`, which also covers its subdomains) or `*.host`; users may paste
 * a whole URL and get its host.
 */

const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The canonical form of what the user typed, or null when it is not a host pattern. */
export function normaliseHostPattern(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s.replace('://*.', '://wildcard-placeholder.')).hostname.replace('wildcard-placeholder.', '*.');
    } catch {
      return null;
    }
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.startsWith('www.')) s = s.slice(4);
  return (HOST.test(s) && s.includes('.')) || s === 'localhost' ? s : null;
}

/** Whether `host` is the pattern's host or one of its subdomains. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === pattern || h.endsWith(`.${pattern}`);
}

export const siteIsAuto = (host: string, patterns: readonly string[]): boolean => patterns.some((p) => hostMatches(host, p));
