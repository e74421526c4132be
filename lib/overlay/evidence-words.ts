/**
 * The linker's reasons (lib/match/linker.ts: `name`, `keyphrase`, `unit:公安局`, `full-name` …)
 * in the reader's words, for the card's "why it was linked". A code this table does not know
 * (a reason added to the engine later) is still shown, as "other clue: code", never dropped.
 */
import type { MessageKey } from '../i18n';

/** Reason code (the part before a colon) → its sentence; `{value}` is the part after the colon. */
const WORDS: Record<string, MessageKey> = {
  name: 'evName',
  keyphrase: 'evKeyphrase',
  variant: 'evVariant',
  generic: 'evGeneric',
  place: 'evPlace',
  row: 'evRow',
  unit: 'evUnit',
  'unit-before': 'evUnitBefore',
  town: 'evTown',
  'near-town': 'evNearTown',
  'other-town': 'evOtherTown',
  context: 'evContext',
  'full-name': 'evFullName',
  'short-name': 'evShortName',
  'jinjiang-clause': 'evJinjiangClause',
  series: 'evSeries',
};

/** `year:…` codes (lib/match/linker.ts): how the year was told; any other value is the year word itself (2024年, 今年). */
const YEAR_WORDS: Record<string, MessageKey> = {
  'page-date': 'evYearPageDate',
  'whole-page': 'evYearWholePage',
  'row-context': 'evYearRowContext',
  unknown: 'evYearUnknown',
  'not-in-dataset': 'evYearNotInDataset',
  ambiguous: 'evYearAmbiguous',
};

/** `programme:…` codes: the programme the passage's own words name. */
const PROGRAMME_WORDS: Record<string, MessageKey> = {
  weiminbanshishi: 'evProgrammeWeimin',
  'minsheng-weishishi': 'evProgrammeMicro',
};

export interface EvidenceWords {
  key: MessageKey;
  vars: { value: string };
}

/** `unit:公安局` → { key: 'evUnit', vars: { value: '公安局' } }; an unknown code → 'evOther' with the code. */
export function evidenceWords(code: string): EvidenceWords {
  const colon = code.indexOf(':');
  const kind = colon < 0 ? code : code.slice(0, colon);
  const value = colon < 0 ? '' : code.slice(colon + 1).replace(/\//g, '、');
  if (kind === 'year' && value) {
    return Object.hasOwn(YEAR_WORDS, value) ? { key: YEAR_WORDS[value]!, vars: { value: '' } } : { key: 'evYearWord', vars: { value } };
  }
  if (kind === 'programme' && Object.hasOwn(PROGRAMME_WORDS, value)) return { key: PROGRAMME_WORDS[value]!, vars: { value: '' } };
  const key = Object.hasOwn(WORDS, kind) ? WORDS[kind]! : undefined;
  return key ? { key, vars: { value } } : { key: 'evOther', vars: { value: code } };
}
