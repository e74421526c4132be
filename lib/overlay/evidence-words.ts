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
  const key = Object.hasOwn(WORDS, kind) ? WORDS[kind]! : undefined;
  return key ? { key, vars: { value } } : { key: 'evOther', vars: { value: code } };
}
