/**
 * `npm run bench`: every benchmark, in one process — the matcher in Node, side-panel search,
 * and the overlay in real Chromium against mark.js and the floor, then in Firefox ESR against the floor. Benchmarks print numbers
 * and ratios measured in the same run; they are not tests and never fail on speed.
 * `--quick` skips mark.js in the browser (minutes on the 1 MB page).
 */
import { runBrowserBench } from './browser.bench';
import { runFirefoxBench } from './firefox.bench';
import { runMatchBench } from './match.bench';
import { runSearchBench } from './search.bench';

const quick = process.argv.includes('--quick');

console.log('## matcher (Node)');
runMatchBench();
console.log('\n## side-panel search');
for (const line of await runSearchBench()) console.log(line);
console.log('\n## overlay in Chromium (built extension)');
for (const line of await runBrowserBench({ skipMarkJs: quick })) console.log(line);
console.log('\n## overlay in Firefox ESR (built extension)');
for (const line of await runFirefoxBench()) console.log(line);
