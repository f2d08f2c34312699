import type { CollectionName } from '@shared/domain';
import {
  WORKSPACE_WIDE_COLLECTIONS,
  type Checkpoint,
  type Fill,
  type Scope,
  type WireScope,
} from '@shared/sync';

/**
 * The pure part of following a change of scope in a replica (sync/server/ws/README.md "When rights change"):
 * a pull whose checkpoint was filled with another scope than the caller's current one is answered with a
 * back-fill first — records of teams gained, up to the checkpoint's sequence, then bare tombstones for
 * records of teams lost — and then continues as a normal pull from the same sequence.
 */

/** Teams a phase reads: these (`only`), or every team but these (`except`); '' (workspace-wide) never. */
export type TeamFilter = { only: string[] } | { except: string[] };

export interface FillPlan {
  kind: 'fill';
  /** The checkpoint's sequence: gained records up to it; the normal pull continues after it. */
  seq: number;
  /** Teams the replica holds every record of, up to `seq`. */
  held: WireScope;
  /** Every team the replica may hold records of (a superset of `held`). */
  maybe: WireScope;
  /** The caller's current scope: what the replica holds once the fill ends. */
  to: WireScope;
  phase: Fill['phase'];
  afterSeq: number;
  afterId: string;
  /** Records to send (teams in `to`, not in `held`), or null when there are none. */
  gain: TeamFilter | null;
  /** Records to remove (teams in `maybe`, not in `to`), or null when there are none. */
  lose: TeamFilter | null;
}

export type PullPlan = { kind: 'normal' } | FillPlan;

const NORMAL: PullPlan = { kind: 'normal' };
const wireCache = new WeakMap<ReadonlySet<string>, { wire: string[]; key: string }>();

function wireEntry(scope: ReadonlySet<string>): { wire: string[]; key: string } {
  let entry = wireCache.get(scope);
  if (!entry) {
    const wire = [...scope].sort();
    wireCache.set(scope, (entry = { wire, key: wire.join(',') }));
  }
  return entry;
}

/** A scope as checkpoints carry it (sorted team ids; computed once per scope object). */
export function wireScopeOf(scope: Scope): WireScope {
  return scope === 'all' ? 'all' : wireEntry(scope).wire;
}

/** A short string naming a scope (equal strings: equal scopes), e.g. to key serialized messages. */
export function scopeKeyOf(scope: Scope): string {
  return scope === 'all' ? '*' : wireEntry(scope).key;
}

function toSet(scope: WireScope | Scope): 'all' | ReadonlySet<string> {
  return scope === 'all' ? 'all' : Array.isArray(scope) ? new Set(scope) : scope;
}

/** Whether two scopes name the same teams. */
export function sameScope(a: WireScope | Scope, b: WireScope | Scope): boolean {
  const x = toSet(a);
  const y = toSet(b);
  if (x === 'all' || y === 'all') return x === y;
  return x.size === y.size && [...x].every((team) => y.has(team));
}

function union(a: WireScope, b: WireScope): WireScope {
  if (a === 'all' || b === 'all') return 'all';
  return [...new Set([...a, ...b])].sort();
}

/** The teams of `a` that are not in `b`, as a filter (null: none). */
export function teamsMinus(a: WireScope, b: WireScope): TeamFilter | null {
  if (b === 'all') return null;
  if (a === 'all') return { except: [...b] };
  const without = new Set(b);
  const only = a.filter((team) => team !== '' && !without.has(team));
  return only.length > 0 ? { only: [...new Set(only)].sort() } : null;
}

/**
 * How to answer a pull from `checkpoint` for someone whose scope is now `scope`. Normal when the replica was
 * filled with that scope (or says nothing: old clients, first pulls, workspace-wide collections). Otherwise a
 * fill: continued where it got if its target is still the current scope; else started again towards the new
 * scope, counting everything the interrupted fill may have brought (its target's teams) as possibly held.
 */
export function planPull(
  collection: CollectionName,
  checkpoint: Checkpoint | null,
  scope: Scope,
): PullPlan {
  if (!checkpoint || checkpoint.scope === undefined || WORKSPACE_WIDE_COLLECTIONS.has(collection))
    return NORMAL;
  const fill = checkpoint.fill ?? null;
  if (!fill && sameScope(checkpoint.scope, scope)) return NORMAL;
  const to = wireScopeOf(scope);
  let held = checkpoint.scope;
  let maybe = held;
  let phase: Fill['phase'] = 'gain';
  let afterSeq = 0;
  let afterId = '';
  if (fill) {
    maybe = union(fill.maybe, held);
    if (sameScope(fill.to, scope)) {
      ({ phase, afterSeq, afterId } = fill);
    } else {
      // Scope changed again mid-way: the old target's teams may be partly there (gain) or wholly (lose).
      maybe = union(maybe, fill.to);
      if (fill.phase === 'lose') held = fill.to;
    }
  }
  return {
    kind: 'fill',
    seq: checkpoint.seq,
    held,
    maybe,
    to,
    phase,
    afterSeq,
    afterId,
    gain: teamsMinus(to, held),
    lose: teamsMinus(maybe, to),
  };
}

/** The checkpoint of a page that ends inside the fill (the next pull continues from its cursor). */
export function fillCheckpoint(
  plan: FillPlan,
  cursor: Pick<Fill, 'phase' | 'afterSeq' | 'afterId'>,
): Checkpoint {
  return {
    seq: plan.seq,
    scope: plan.held,
    fill: { to: plan.to, maybe: plan.maybe, ...cursor },
  };
}
