/**
 * Where the content script is declared to run by itself: the default site list of the
 * settings, http and https, each host and its subdomains. Elsewhere it runs only when the user
 * asks ("scan this page", via activeTab), adds a site (with its permission) or grants all sites.
 */
import { DEFAULT_AUTO_SITES } from './settings';

/** Match patterns for a host and its subdomains, http and https. */
export function matchPatternsFor(host: string): string[] {
  return ['http', 'https'].flatMap((scheme) => [`${scheme}://${host}/*`, `${scheme}://*.${host}/*`]);
}

export const DEFAULT_MATCHES: string[] = DEFAULT_AUTO_SITES.flatMap(matchPatternsFor);
