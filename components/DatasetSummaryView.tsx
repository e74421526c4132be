/** The dataset at a glance: name, source, counts — proof to the user that the data is there. */
import type { DatasetSummary } from '../lib/types/dataset-summary';
import { coverageText } from '../lib/i18n/programme';
import { useI18n } from './i18n';

export function DatasetSummaryView({ summary }: { summary: DatasetSummary }) {
  const { t, locale } = useI18n();
  const { meta, source } = summary;
  const counts = [
    ['countItems', summary.items],
    ['countUnits', summary.units],
    ['countCompleted', summary.completed],
  ] as const;
  return (
    <section class="dataset-summary" aria-labelledby="dataset-title">
      <h2 id="dataset-title">{t('datasetTitle')}</h2>
      <p class="dataset-name" data-testid="dataset-name">
        {locale === 'en' ? meta.nameEn : meta.name}
      </p>
      <ul class="counts" aria-label={t('datasetTitle')}>
        {counts.map(([key, n]) => (
          <li key={key} data-testid={`count-${key}`}>
            {t(key, { n })}
          </li>
        ))}
      </ul>
      {summary.programmes.length > 0 && (
        <>
          <h3 id="dataset-lists">{t('datasetLists')}</h3>
          <ul class="lists" aria-labelledby="dataset-lists">
            {summary.programmes.map((p) => (
              <li key={p.id} data-testid={`programme-${p.id}`} class={p.complete ? 'complete' : 'partial'}>
                {coverageText(t, p)}
              </li>
            ))}
          </ul>
        </>
      )}
      <dl>
        <dt>{t('datasetSource')}</dt>
        <dd data-testid="dataset-source">
          {source ? (
            <>
              {source.publisher} · {source.date} ·{' '}
              <a href={source.url} target="_blank" rel="noreferrer noopener">
                {t('openSource')}
              </a>
              {summary.sourceCount > 1 && <span class="muted"> {t('moreSources', { n: summary.sourceCount - 1 })}</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('datasetVersion')}</dt>
        <dd>
          {meta.version} <code title={meta.hash}>{meta.hash.slice(0, 8)}</code>
        </dd>
      </dl>
    </section>
  );
}
