/**
 * The bundled dataset without the runtime validation, for the content script: it runs on many
 * pages, and data/dataset.json is validated by the tests and by the background at startup
 * (lib/data/dataset.ts), so the pages do not pay for checking it again.
 */
import raw from '../../data/dataset.json';
import type { Dataset } from './types';

export const rawDataset = raw as unknown as Dataset;
