/** A seeded database and a renderer in the chosen language, for the workspace views. */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { I18nProvider } from '../../../components/i18n';
import { bundledDataset } from '../../../lib/data/dataset';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import type { Locale } from '../../../lib/i18n';

let n = 0;

export async function seededDb(): Promise<LensDb> {
  const db = new LensDb(`workspace-view-${n++}`);
  await db.open();
  await seedDataset(db, bundledDataset);
  return db;
}

export const renderIn = (ui: ComponentChildren, locale: Locale = 'zh_CN') => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
