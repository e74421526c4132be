/** `npm run bench`: every benchmark, in one process. */
import { runMatchBench } from './match.bench';

runMatchBench();
