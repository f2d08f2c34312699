import { hiddenFields, neutralValue } from '@shared/sync';
import type { Masking } from './masking';
import type { Entity } from './types';

/**
 * The merge's candidate with every field the pusher may not see (field policy) taken from the stored record,
 * whatever they sent: their replica holds neutral values there, and a crafted value must not get through
 * either. A new record (or one brought back from a tombstone) gets the neutral value in any field its creator
 * would not see on it once written — hidden from them, so not theirs to set.
 */
export function keepHiddenFields(
  candidate: Entity,
  stored: Entity | null,
  masking: Masking,
): Entity {
  if (!masking.version) return candidate;
  const { viewer, policy, collection } = masking;
  const hidden = hiddenFields(viewer, policy, collection, stored ?? candidate);
  if (hidden.length === 0) return candidate;
  const kept: Record<string, unknown> = { ...candidate };
  for (const field of hidden) {
    if (!stored) kept[field] = neutralValue(candidate[field]);
    else if (field in stored) kept[field] = stored[field];
    else delete kept[field];
  }
  return kept as Entity;
}
