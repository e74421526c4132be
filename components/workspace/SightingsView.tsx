/**
 * Where projects were seen, one entry per page (newest visit first): the page as a source
 * (title, outlet, the page's date, last visit), its projects first, each with the sentence
 * around it, then the units it named, folded. Filter by project and by site; export the
 * pages as sources or as a coverage table.
 */
import { useState } from 'preact/hooks';
import type { Sighting } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { sightedTargets, sightingSites, sightingsTimeline } from '../../lib/db/sightings';
import { targetNames } from '../../lib/db/user-data';
import { sentenceOfSighting } from '../../lib/export/coverage';
import { sourceRecords, type SourceRecord } from '../../lib/export/sources';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { useLiveQuery } from '../useLiveQuery';
import { ExportButtons } from './ExportButtons';
import { formatDate, isWebUrl } from './format';

export function SightingsView({ db }: { db: LensDb }) {
  const { t, locale } = useI18n();
  const [targetId, setTargetId] = useState('');
  const [site, setSite] = useState('');
  const state = useLiveQuery(async () => {
    const [rows, sites, targets] = await Promise.all([sightingsTimeline(db, { targetId: targetId || undefined, site: site || undefined }), sightingSites(db), sightedTargets(db)]);
    // Ids are unique across items and units, so asking both tables is safe.
    const refs = targets.flatMap((id) => [{ kind: 'item' as const, id }, { kind: 'unit' as const, id }]);
    return { pages: sourceRecords([], rows), sites, targets, names: await targetNames(db, refs, (i) => itemLabel(t, i)) };
  }, [db, targetId, site, locale]);
  return (
    <section aria-labelledby="sightings-heading">
      <h2 id="sightings-heading" class="visually-hidden">
        {t('tabSightings')}
      </h2>
      <div class="toolbar sightings-filter">
        <label>
          {t('filterItem')}{' '}
          <select value={targetId} onChange={(e) => setTargetId(e.currentTarget.value)}>
            <option value="">{t('allItems')}</option>
            {state.status === 'ready' &&
              state.value.targets.map((id) => (
                <option key={id} value={id}>
                  {state.value.names.get(id) ?? id}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('filterSite')}{' '}
          <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">{t('allSitesFilter')}</option>
            {state.status === 'ready' &&
              state.value.sites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
          </select>
        </label>
      </div>
      {state.status === 'ready' && state.value.pages.length === 0 && <p class="muted">{t('sightingsEmpty')}</p>}
      {state.status === 'ready' && state.value.pages.length > 0 && (
        <ol class="source-pages">
          {state.value.pages.map((p) => (
            <SourcePage key={p.canonicalUrl} page={p} names={state.value.names} />
          ))}
        </ol>
      )}
      <details class="export-here">
        <summary>{t('exportHere')}</summary>
        <p class="muted small">{t('exportSourcesHelp')}</p>
        <ExportButtons db={db} kinds={['coverageCsv', 'csl', 'ris', 'sightingsCsv']} />
      </details>
    </section>
  );
}

/** One page as a source: heading, what the page says of itself, its projects, its units folded. */
function SourcePage({ page: p, names }: { page: SourceRecord; names: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  const projects = p.sightings.filter((s) => s.target.kind === 'item');
  const units = p.sightings.filter((s) => s.target.kind === 'unit');
  const visits = Math.max(...p.sightings.map((s) => s.visits));
  const facts = [p.meta.siteName && p.meta.siteName !== p.site ? `${p.meta.siteName} (${p.site})` : p.site];
  if (p.meta.author) facts.push(p.meta.author);
  if (p.meta.published) facts.push(t('pageDated', { date: p.meta.published }));
  facts.push(t('lastSeen', { date: formatDate(p.lastAccessed, locale) }), t('visits', { n: visits }));
  return (
    <li class="source-page">
      <h3 class="source-title">
        {isWebUrl(p.url) ? (
          <a href={p.url} target="_blank" rel="noreferrer noopener">
            {p.title}
          </a>
        ) : (
          p.title
        )}
      </h3>
      <p class="muted small">{facts.join(' · ')}</p>
      {projects.length > 0 && (
        <ul class="plain sightings">
          {projects.map((s) => (
            <SightingLine key={s.key} s={s} name={names.get(s.targetId) ?? s.targetId} />
          ))}
        </ul>
      )}
      {units.length > 0 && (
        <details class="units-seen">
          <summary class="small">{t('unitsOnPage', { n: units.length, names: units.slice(0, 4).map((s) => names.get(s.targetId) ?? s.targetId).join(t('listSeparator')) + (units.length > 4 ? '…' : '') })}</summary>
          <ul class="plain sightings">
            {units.map((s) => (
              <SightingLine key={s.key} s={s} name={names.get(s.targetId) ?? s.targetId} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** A project or unit and the sentence it was seen in, the name marked inside it. */
function SightingLine({ s, name }: { s: Sighting; name: string }) {
  const sentence = sentenceOfSighting(s);
  const at = s.quote ? sentence.indexOf(s.quote) : -1;
  return (
    <li>
      <span class="sighting-name">{name}</span>
      {sentence && sentence !== s.quote && (
        <q class="small">
          {at < 0 ? (
            sentence
          ) : (
            <>
              {sentence.slice(0, at)}
              <mark>{s.quote}</mark>
              {sentence.slice(at + s.quote.length)}
            </>
          )}
        </q>
      )}
    </li>
  );
}
