import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPaths, stampPath, valueAtPath } from './field-paths';
import { encodeStamp, type Stamp } from './hlc';
import { stableStringify, stampLookup, threeWayMerge, type StampPolicy } from './merge';

/**
 * Properties of the pure merge (shared/sync/merge.ts) over random concurrent edits of one record: scalar fields
 * and a list of items, edited on two sides from the same base, each edit stamped on its side.
 */
type Item = { id: string; q: number; p: string };
type Doc = { id: string; a: number; b: string; c: number; items: Item[] } & Record<string, unknown>;

const BASE: Doc = {
  id: 'r1',
  a: 0,
  b: 'base',
  c: 0,
  items: [
    { id: 'i1', q: 1, p: 'x' },
    { id: 'i2', q: 2, p: 'y' },
    { id: 'i3', q: 3, p: 'z' },
  ],
};

type Edit =
  | { kind: 'field'; field: 'a' | 'b' | 'c'; value: number }
  | { kind: 'add' }
  | { kind: 'delete'; item: number }
  | { kind: 'item'; item: number; key: 'q' | 'p'; value: number };

const editArb: fc.Arbitrary<{ edit: Edit; wall: number }> = fc.record({
  edit: fc.oneof(
    fc.record({
      kind: fc.constant('field' as const),
      field: fc.constantFrom('a' as const, 'b' as const, 'c' as const),
      value: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({ kind: fc.constant('add' as const) }),
    fc.record({ kind: fc.constant('delete' as const), item: fc.integer({ min: 0, max: 4 }) }),
    fc.record({
      kind: fc.constant('item' as const),
      item: fc.integer({ min: 0, max: 4 }),
      key: fc.constantFrom('q' as const, 'p' as const),
      value: fc.integer({ min: 0, max: 3 }),
    }),
  ),
  // Few distinct walls: ties between the sides are common.
  wall: fc.integer({ min: 1, max: 6 }),
});

/** Applies one side's edits to the base, stamping each changed path as a device would (its latest edit). */
function applyEdits(
  node: string,
  edits: readonly { edit: Edit; wall: number }[],
): { doc: Doc; stamps: Record<string, Stamp> } {
  let doc: Doc = structuredClone(BASE);
  const stamps: Record<string, Stamp> = {};
  let added = 0;
  edits.forEach(({ edit, wall }, n) => {
    const before = doc;
    const next: Doc = structuredClone(doc);
    if (edit.kind === 'field')
      (next as Record<string, unknown>)[edit.field] =
        edit.field === 'b' ? `v${edit.value}` : edit.value;
    else if (edit.kind === 'add') {
      added += 1;
      next.items.push({ id: `${node}-${added}`, q: 0, p: node });
    } else {
      const target = next.items[edit.item % Math.max(1, next.items.length)];
      if (!target) return;
      if (edit.kind === 'delete') next.items = next.items.filter((i) => i.id !== target.id);
      else if (edit.key === 'q') target.q = edit.value;
      else target.p = `v${edit.value}`;
    }
    // Within a device later edits are stamped later (its hybrid clock): the wall grows with the edit's index.
    const stamp = encodeStamp({ wall: wall * 100 + n, counter: 0, node });
    for (const path of changedPaths(before, next)) stamps[path] = stamp;
    doc = next;
  });
  return { doc, stamps };
}

const LEGACY = encodeStamp({ wall: 0, counter: 0, node: 'legacy' });

function policy(current: Record<string, Stamp>, incoming: Record<string, Stamp>): StampPolicy {
  return {
    stamps: {
      current: stampLookup(current, LEGACY),
      incoming: stampLookup(incoming, LEGACY),
      stored: current,
    },
  };
}

const sides = fc.record({
  current: fc.array(editArb, { maxLength: 6 }),
  incoming: fc.array(editArb, { maxLength: 6 }),
});

describe('threeWayMerge properties (random concurrent edits)', () => {
  it('is deterministic and does not depend on which side arrives first when stamps decide', () => {
    fc.assert(
      fc.property(sides, ({ current, incoming }) => {
        const c = applyEdits('dev-c', current);
        const i = applyEdits('dev-i', incoming);
        const one = threeWayMerge(BASE, c.doc, i.doc, policy(c.stamps, i.stamps));
        const again = threeWayMerge(BASE, c.doc, i.doc, policy(c.stamps, i.stamps));
        const swapped = threeWayMerge(BASE, i.doc, c.doc, policy(i.stamps, c.stamps));
        expect(stableStringify(again.merged)).toBe(stableStringify(one.merged));
        expect(stableStringify(swapped.merged)).toBe(stableStringify(one.merged));
        expect(swapped.conflicts.length).toBe(one.conflicts.length);
      }),
      { numRuns: 400 },
    );
  });

  it('reports every value a side changed that the result does not keep, and keeps what it says it kept', () => {
    fc.assert(
      fc.property(sides, ({ current, incoming }) => {
        const c = applyEdits('dev-c', current);
        const i = applyEdits('dev-i', incoming);
        for (const prefer of [policy(c.stamps, i.stamps), 'current', 'incoming'] as const) {
          const { merged, conflicts } = threeWayMerge(BASE, c.doc, i.doc, prefer);
          for (const [side, doc] of [
            ['current', c.doc],
            ['incoming', i.doc],
          ] as const) {
            for (const path of changedPaths(BASE, doc)) {
              if (path === 'items') continue; // order only: not a value
              const mine = valueAtPath(doc, path);
              if (stableStringify(valueAtPath(merged, path)) === stableStringify(mine)) continue;
              if (mine === undefined) {
                // This side deleted an item the other side edited: the edit kept it.
                expect(conflicts).toContainEqual(
                  expect.objectContaining({ path, loser: side, reason: 'editKeepsItem' }),
                );
              } else {
                expect(conflicts).toContainEqual(
                  expect.objectContaining({ path, loser: side, lost: mine }),
                );
              }
            }
          }
          for (const conflict of conflicts)
            expect(stableStringify(valueAtPath(merged, conflict.path))).toBe(
              stableStringify(conflict.kept),
            );
          // Every item either side added survives.
          for (const item of [...c.doc.items, ...i.doc.items])
            if (!BASE.items.some((b) => b.id === item.id))
              expect(merged.items.some((m) => m.id === item.id)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lets the later stamp win every same-path conflict', () => {
    fc.assert(
      fc.property(sides, ({ current, incoming }) => {
        const c = applyEdits('dev-c', current);
        const i = applyEdits('dev-i', incoming);
        const p = policy(c.stamps, i.stamps);
        for (const conflict of threeWayMerge(BASE, c.doc, i.doc, p).conflicts) {
          if (conflict.reason === 'editKeepsItem') continue;
          const kept = conflict.loser === 'current' ? p.stamps.incoming : p.stamps.current;
          const lost = conflict.loser === 'current' ? p.stamps.current : p.stamps.incoming;
          expect(kept(conflict.path) >= lost(conflict.path)).toBe(true);
          expect(conflict.path).toBe(
            stampPath({ field: conflict.field, itemId: conflict.itemId, key: conflict.key }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
