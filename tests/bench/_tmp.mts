import { runBrowserBench } from './browser.bench';
for (const l of await runBrowserBench({ skipMarkJs: true })) console.log(l);
