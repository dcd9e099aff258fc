/**
 * Moves of the business registration (工商注册) into the district, a shared derivation: M2 (R3) pays
 * for a move in from outside Beijing, and M3 (R4) is triggered by a move in while designated.
 *
 * A move is a change of the business timeline's region (the first entry of a kind is its founding,
 * not a move; docs/contract.md § The request). When the request has no business entry at all, where the enterprise came
 * from is not known: the path that would decide it is `enterprise.registrations`.
 */
import type { Bilingual } from '../core/trace.js';
import type { Region, Registration } from '../model/request.js';
import { type Relocation, registrationTimeline, relocations } from './facts.js';

/** The request path that decides the business timeline. */
export const REGISTRATIONS_PATH = 'enterprise.registrations';

/** Chinese and English names of the regions a registration may be in. */
export const REGION_NAMES: Record<Region, Bilingual> = {
  mentougou: { zh: '门头沟区', en: 'Mentougou District' },
  'beijing-other': { zh: '北京市其他区', en: 'another Beijing district' },
  'outside-beijing': { zh: '北京市外', en: 'outside Beijing' },
};

/** Whether the request gives the business timeline at all (at least one business entry). */
export function hasBusinessTimeline(registrations: readonly Registration[]): boolean {
  return registrationTimeline(registrations, 'business').length > 0;
}

/** Every move of the business registration into `mentougou` (from any other region), oldest first. */
export function businessMovesIntoDistrict(registrations: readonly Registration[]): Relocation[] {
  return relocations(registrations, 'business').filter((move) => move.to === 'mentougou');
}
