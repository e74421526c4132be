/**
 * Mozilla's add-ons linter (addons-linter, what addons.mozilla.org runs on every upload) over the
 * Firefox build in .output/firefox-mv3. Fails on any error, notice or warning, except one kind a
 * reviewer sees in every Preact or React add-on and which is explained in docs/store.md: the
 * framework's `dangerouslySetInnerHTML` branch (`e.innerHTML = d.__html`). Our code never sets
 * innerHTML (tests/unit/meta/no-html-sinks.test.ts), so that branch never runs.
 * Usage: `npm run -s build:firefox && tsx scripts/lint-firefox.mts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import linter from 'addons-linter';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const dir = resolve(import.meta.dirname, '../.output/firefox-mv3');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`no Firefox build in ${dir}: run \`npm run build:firefox\` first`);
  process.exit(1);
}

const run = linter.createInstance({ config: { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false, disableLinterRules: false }, runAsBinary: false });
const result = (await run.run()) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

/** Preact's own innerHTML sink: the assignment reads `.__html` at the reported place. */
function isPreactHtmlBranch(m: LintMessage): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || m.line === undefined || m.column === undefined) return false;
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  // Columns are counted from 1.
  return /^\w+\.innerHTML\s*=\s*\w+\.__html/.test(line.slice(m.column - 1));
}

const all = [...result.errors.map((m) => ['error', m] as const), ...result.warnings.map((m) => ['warning', m] as const), ...result.notices.map((m) => ['notice', m] as const)];
const known = all.filter(([, m]) => isPreactHtmlBranch(m));
const rest = all.filter(([, m]) => !isPreactHtmlBranch(m));
for (const [kind, m] of rest) console.error(`${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file}:${m.line ?? ''})` : ''}`);
console.log(`addons-linter on the Firefox build: ${result.errors.length} errors, ${result.warnings.length} warnings, ${result.notices.length} notices; ${known.length} of them Preact's dangerouslySetInnerHTML branch (see docs/store.md), ${rest.length} other`);
process.exit(rest.length ? 1 : 0);
