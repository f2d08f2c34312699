import { hiddenFields, neutralValue, sameValue } from '@shared/sync';
import type { Masking } from './masking';
import type { Entity } from './types';

/** The candidate to validate, and the hidden fields the pusher tried to change (their row is refused). */
export interface HiddenFieldsOutcome {
  entity: Entity;
  attempted: string[];
}

/**
 * The merge's candidate with every field the pusher may not see (field policy) taken from the stored record:
 * their replica holds neutral values there, which must not overwrite the real ones. A value they changed
 * there (from the state they last pulled; without one, from what they may see of the stored record) is an
 * attempt to write through a hidden field: it is reported so the row is refused, as their client cannot have
 * shown that field. A new record (or one brought back from a tombstone) gets the neutral value in any field its
 * creator would not see on it once written.
 */
export function keepHiddenFields(
  candidate: Entity,
  stored: Entity | null,
  assumed: Record<string, unknown> | null,
  masking: Masking,
): HiddenFieldsOutcome {
  if (!masking.version) return { entity: candidate, attempted: [] };
  const { viewer, policy, collection } = masking;
  const hidden = hiddenFields(viewer, policy, collection, stored ?? candidate);
  if (hidden.length === 0) return { entity: candidate, attempted: [] };
  const kept: Record<string, unknown> = { ...candidate };
  const attempted: string[] = [];
  for (const field of hidden) {
    if (!stored) {
      kept[field] = neutralValue(candidate[field]);
      continue;
    }
    const seen = assumed && field in assumed ? assumed[field] : neutralValue(stored[field]);
    const sent = candidate[field];
    if (!sameValue(sent, seen) && !sameValue(sent, stored[field])) attempted.push(field);
    if (field in stored) kept[field] = stored[field];
    else delete kept[field];
  }
  return { entity: kept as Entity, attempted };
}
