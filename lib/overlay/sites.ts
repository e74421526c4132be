/**
 * Where the content script runs by itself: government sites and the Jinjiang, Quanzhou and
 * Fujian news sites that cover the projects. Elsewhere it runs only when the user asks
 * ("scan this page", via activeTab) or grants the optional all-sites permission.
 */
export const DEFAULT_MATCHES: string[] = [
  '*.gov.cn',
  'ijjnews.com',
  'fjdaily.com',
  'mnw.cn',
  'qzwb.com',
  'qzcns.com',
  'fjsen.com',
  'chinadaily.com.cn',
].flatMap((host) => {
  const bare = host.replace(/^\*\./, '');
  return ['http', 'https'].flatMap((scheme) => [`${scheme}://${bare}/*`, `${scheme}://*.${bare}/*`]).filter((p) => !p.includes('://gov.cn/'));
});
