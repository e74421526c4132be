/** The dataset's unit kinds (Chinese, as the source groups them) → their UI string. */
import type { UnitKind } from '../data/types';
import type { MessageKey } from './zh_CN';

export const UNIT_KIND_KEYS: Record<UnitKind, MessageKey> = {
  市委部门: 'kindPartyOrgan',
  人大政协: 'kindCongress',
  政府部门: 'kindGovernment',
  司法机关: 'kindJudicial',
  事业单位: 'kindInstitution',
  群团组织: 'kindMassOrg',
  园区: 'kindZone',
  街道: 'kindSubdistrict',
  镇: 'kindTown',
};

/** The key for a kind, or undefined for a kind this build does not know (shown as printed). */
export const unitKindKey = (kind: string): MessageKey | undefined => (Object.hasOwn(UNIT_KIND_KEYS, kind) ? UNIT_KIND_KEYS[kind as UnitKind] : undefined);
