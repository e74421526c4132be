import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_MATCHES } from './lib/settings/match-patterns';
import { highlightNamesPlugin, randomHighlightPrefix } from './scripts/highlight-names';
import { prebuiltEnginePlugin } from './scripts/prebuilt-engine';

// Manifest and build settings. Permissions are the minimum the features need:
// storage for settings, unlimitedStorage so IndexedDB is not evicted, activeTab +
// scripting for "scan this page", contextMenus for the page actions. All sites only
// as an optional permission the user grants in the options page.
/**
 * Left out of the sources zip (Firefox reviewers rebuild from it) besides WXT's defaults (dot
 * files, node_modules, *.test.*, the build output): what the build does not read — the tests
 * and their fixtures, screenshots and other test output, store assets, logs and archives.
 */
export const SOURCE_ZIP_EXCLUDES = ['tests/**', 'test-output/**', 'store/**', '**/*.log', '**/*.zip', '**/*.tmp*', '**/*.orig', '**/*.rej'];

/** One per build (both of this config's Vite builds of a run share it). */
const highlightPrefix = randomHighlightPrefix();

export default defineConfig({
  srcDir: '.',
  imports: false,
  outDir: '.output',
  // MSL_NO_MINIFY=1: readable names in CPU profiles (tests/bench/profile.mts).
  // MSL_PERF_MARKS=1: the overlay records performance measures (`npm run bench` builds so). Off
  // in the build users get: page scripts can read the performance timeline, and our measure
  // names would tell every page that the extension is installed.
  vite: () => ({
    // MSL_HIGHLIGHT_PREFIX: a fixed start for the highlight names (else random for each build).
    plugins: [preact(), prebuiltEnginePlugin(), highlightNamesPlugin(process.env.MSL_HIGHLIGHT_PREFIX ?? highlightPrefix)],
    define: { __MSL_PERF_MARKS__: JSON.stringify(process.env.MSL_PERF_MARKS === '1') },
    build: { minify: process.env.MSL_NO_MINIFY ? false : undefined },
  }),
  zip: { excludeSources: SOURCE_ZIP_EXCLUDES },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus'],
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    // Declared as commands, so the reader can change them (chrome://extensions/shortcuts,
    // Firefox: about:addons → Manage Extension Shortcuts); the background forwards them to the tab.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousMention__' },
    },

    // The content script is entrypoints/lens.ts, built as an unlisted script (lib/overlay/lifecycle.ts says why).
    // Frames on these sites (an article in an iframe) get their own overlay; the popup talks to the top frame.
    // So do frames without an address of their own (<iframe srcdoc>, a blank frame a script
    // writes into) whose parent is one of these sites: match_about_blank, match_origin_as_fallback.
    content_scripts: [
      {
        matches: DEFAULT_MATCHES,
        js: ['lens.js'],
        css: ['assets/lens.css'],
        all_frames: true,
        match_about_blank: true,
        match_origin_as_fallback: true,
        run_at: 'document_idle',
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions is known from Firefox 140 (desktop) and 142 (Android);
            // older versions warn or refuse it (MDN: browser_specific_settings), so those are the minimums.
            gecko: {
              id: 'minsheng-lens@minsheng-lens.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
