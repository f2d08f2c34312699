import type { Activity } from '../domain/entities';

/**
 * Last activity (最后跟进, issue 18): accounts, leads and deals carry `lastActivityAt`, the epoch ms of the latest
 * customer contact related to them (0 = none), so follow-up rules read an index instead of scanning activities.
 * The app's activity repository and the server keep it with these rules; raising is a max, so two laptops that
 * log activities on the same lead converge whichever push arrives first.
 */

/** The collections that carry `lastActivityAt`. */
export type LastActivityCollection = 'accounts' | 'leads' | 'deals';

/** A record whose `lastActivityAt` an activity counts towards. */
export interface LastActivityTarget {
  collection: LastActivityCollection;
  id: string;
}

/** Activity types that are customer contact when they happened; a task counts once it is done. */
const CONTACT_TYPES: ReadonlySet<string> = new Set(['call', 'meeting', 'email', 'visit', 'note']);

type ActivityFacts = Pick<
  Activity,
  'type' | 'relatedType' | 'relatedId' | 'accountId' | 'occurredAt' | 'done' | 'doneAt' | 'deleted'
>;

/**
 * When `activity` was customer contact (epoch ms), 0 when it is none: a call, meeting, e-mail, visit or note at
 * its `occurredAt`; a task only once done, at its `doneAt` (its `occurredAt` when that is missing). Deleted
 * activities and every other type (comments: `type: 'comment'`) never count.
 */
export function customerContactAt(
  activity: Pick<Activity, 'type' | 'occurredAt' | 'done' | 'doneAt' | 'deleted'>,
): number {
  if (activity.deleted) return 0;
  if (activity.type === 'task') return activity.done ? (activity.doneAt ?? activity.occurredAt) : 0;
  return CONTACT_TYPES.has(activity.type) ? activity.occurredAt : 0;
}

/** `current` after `activity` happened: the later of the two (max, so the order activities arrive in is moot). */
export function lastActivityAfter(current: number, activity: ActivityFacts): number {
  return Math.max(current, customerContactAt(activity));
}

const RELATED_COLLECTION: Partial<Record<string, LastActivityCollection>> = {
  lead: 'leads',
  deal: 'deals',
  account: 'accounts',
};

/**
 * The records an activity counts towards: the lead, deal or account it is related to, and the account whose
 * timeline shows it (`accountId`), each once.
 */
export function lastActivityTargets(
  activity: Pick<Activity, 'relatedType' | 'relatedId' | 'accountId'>,
): LastActivityTarget[] {
  const targets: LastActivityTarget[] = [];
  const related = RELATED_COLLECTION[activity.relatedType];
  if (related && activity.relatedId) targets.push({ collection: related, id: activity.relatedId });
  if (activity.accountId && !(related === 'accounts' && activity.relatedId === activity.accountId))
    targets.push({ collection: 'accounts', id: activity.accountId });
  return targets;
}

/** The key of a target in maps: `collection/id`. */
export const targetKey = (target: LastActivityTarget): string =>
  `${target.collection}/${target.id}`;

/** The latest customer contact among `activities` that count towards `target` (0 when none does). */
export function lastActivityOf(
  target: LastActivityTarget,
  activities: readonly ActivityFacts[],
): number {
  let latest = 0;
  const key = targetKey(target);
  for (const activity of activities)
    if (lastActivityTargets(activity).some((t) => targetKey(t) === key))
      latest = lastActivityAfter(latest, activity);
  return latest;
}

/**
 * What a change of activities means for one target: `raiseTo`, the latest contact time the changed activities
 * now give it (0: none), and `lowered`, the latest contact time they gave it before and no longer give (null:
 * nothing was taken away).
 */
export interface LastActivityEffect extends LastActivityTarget {
  raiseTo: number;
  lowered: number | null;
}

/**
 * The targets a set of activity changes (`before` → `after`; null before a create or after a tombstone) touches
 * and how (created, completed, moved, deleted), merged per target.
 */
export function lastActivityEffects<A extends ActivityFacts>(
  changes: readonly { before: A | null; after: A | null }[],
): LastActivityEffect[] {
  const effects = new Map<string, LastActivityEffect>();
  const effectOf = (target: LastActivityTarget) => {
    const key = targetKey(target);
    let effect = effects.get(key);
    if (!effect) effects.set(key, (effect = { ...target, raiseTo: 0, lowered: null }));
    return effect;
  };
  for (const { before, after } of changes) {
    const afterAt = after ? customerContactAt(after) : 0;
    const afterKeys = new Set(after ? lastActivityTargets(after).map(targetKey) : []);
    if (after)
      for (const target of lastActivityTargets(after)) {
        const effect = effectOf(target);
        effect.raiseTo = Math.max(effect.raiseTo, afterAt);
      }
    if (!before) continue;
    const beforeAt = customerContactAt(before);
    if (beforeAt === 0) continue;
    for (const target of lastActivityTargets(before)) {
      const stillAt = afterKeys.has(targetKey(target)) ? afterAt : 0;
      if (stillAt >= beforeAt) continue;
      const effect = effectOf(target);
      effect.lowered = Math.max(effect.lowered ?? 0, beforeAt);
    }
  }
  return [...effects.values()];
}

/**
 * A target's `lastActivityAt` after an effect, given its `current` value: the raised value, or 'recompute' when
 * the contact that was taken away may have been the latest (current ≤ what was lowered), so only the target's
 * activities can tell (read them by index: `relatedId`, `accountId`).
 */
export function lastActivityUpdate(
  current: number,
  effect: Pick<LastActivityEffect, 'raiseTo' | 'lowered'>,
): number | 'recompute' {
  if (effect.lowered !== null && current <= effect.lowered) return 'recompute';
  return Math.max(current, effect.raiseTo);
}
