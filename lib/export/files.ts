/**
 * Every export the extension offers, built from the local database into one file (text, name,
 * type): the options page and the side panel's notes and sightings views call the same builder,
 * so a file is the same wherever it was asked for. Nothing leaves the machine: the caller hands
 * the text to the browser as a download.
 */
import type { LensDb } from '../db/schema';
import { targetNames } from '../db/user-data';
import { translator, type Locale, type MessageKey } from '../i18n';
import { backupToJson, exportBackup, exportFileName } from './backup';
import { coverageCsv, type CoverageItem } from './coverage';
import { cslJson, toCslItems } from './csl';
import { notesCsv, sightingsCsv } from './csv';
import { notesMarkdown } from './markdown';
import { toRis } from './ris';
import { sourceRecords } from './sources';
import { notesToAnnotationCollection } from './w3c';

export type ExportKind = 'json' | 'notesCsv' | 'sightingsCsv' | 'markdown' | 'w3c' | 'csl' | 'ris' | 'coverageCsv';

/** Button labels, in the order the options page shows them. */
export const EXPORT_LABELS: readonly [ExportKind, MessageKey][] = [
  ['json', 'exportJson'],
  ['notesCsv', 'exportNotesCsv'],
  ['sightingsCsv', 'exportSightingsCsv'],
  ['markdown', 'exportMarkdown'],
  ['w3c', 'exportW3c'],
  ['csl', 'exportCsl'],
  ['ris', 'exportRis'],
  ['coverageCsv', 'exportCoverageCsv'],
];

export interface ExportFile {
  text: string;
  name: string;
  mime: string;
}

const STATUS_KEYS: Record<string, MessageKey> = { completed: 'statusCompleted', in_progress: 'statusInProgress', not_started: 'statusNotStarted', unknown: 'statusUnknown' };

export async function buildExportFile(db: LensDb, kind: ExportKind, locale: Locale, now = Date.now()): Promise<ExportFile> {
  const t = translator(locale);
  const backup = await exportBackup(db, now);
  const names = await targetNames(db, [...backup.notes.flatMap((n) => (n.target ? [n.target] : [])), ...backup.sightings.map((s) => s.target)]);
  const sources = () => sourceRecords(backup.notes, backup.sightings);
  switch (kind) {
    case 'json':
      return { text: backupToJson(backup), name: exportFileName('backup', 'json', now), mime: 'application/json' };
    case 'notesCsv':
      return { text: notesCsv(backup.notes, names), name: exportFileName('notes', 'csv', now), mime: 'text/csv;charset=utf-8' };
    case 'sightingsCsv':
      return { text: sightingsCsv(backup.sightings, names), name: exportFileName('sightings', 'csv', now), mime: 'text/csv;charset=utf-8' };
    case 'markdown':
      return { text: notesMarkdown(backup.notes, { locale, names, now }), name: exportFileName('notes', 'md', now), mime: 'text/markdown;charset=utf-8' };
    case 'w3c':
      return { text: JSON.stringify(notesToAnnotationCollection(backup.notes, t('mdTitle'), now), null, 2) + '\n', name: exportFileName('annotations', 'jsonld', now), mime: 'application/ld+json' };
    case 'csl':
      return { text: cslJson(toCslItems(sources(), names, t('cslProjectsSeen'))), name: exportFileName('sources', 'json', now), mime: 'application/vnd.citationstyles.csl+json' };
    case 'ris':
      return { text: toRis(toCslItems(sources(), names, t('cslProjectsSeen'))), name: exportFileName('sources', 'ris', now), mime: 'application/x-research-info-systems' };
    case 'coverageCsv': {
      const ids = [...new Set([...backup.sightings, ...backup.notes].flatMap((r) => (r.target?.kind === 'item' ? [r.target.id] : [])))];
      const items = new Map<string, CoverageItem>();
      for (const item of await db.items.bulkGet(ids)) if (item) items.set(item.id, item as CoverageItem);
      const label = (s: string) => (STATUS_KEYS[s] ? t(STATUS_KEYS[s]!) : s);
      return { text: coverageCsv(sources(), items, label), name: exportFileName('coverage', 'csv', now), mime: 'text/csv;charset=utf-8' };
    }
  }
}
