import { describe, expect, it } from 'vitest';
import type { FieldPolicy } from '@shared/sync';
import { keepHiddenFields } from './hidden-fields';
import { maskHistory, maskingFor, maskPage, resumeFrom } from './masking';
import { deal, principal } from './test-fixtures';
import type { PullPage } from './types';

const policy: FieldPolicy = {
  rules: [{ collection: 'deals', field: 'amount', roles: ['manager'], ownTeam: true }],
};
// The fixture rep belongs to team-a; a deal of team-b owned by someone else is not theirs.
const rep = maskingFor(principal(), policy, 'deals');
const manager = maskingFor(principal({ role: 'manager' }), policy, 'deals');
const other = deal('deal-b', { teamId: 'team-b', ownerId: 'u-other', amount: 500_000 });
const page = (docs: Record<string, unknown>[]): PullPage => ({
  items: docs.map((doc, i) => ({ seq: i + 1, json: JSON.stringify({ ...doc, _deleted: false }) })),
  checkpoint: { seq: docs.length },
  remaining: 0,
  complete: true,
});

describe('pull masking', () => {
  it('masks hidden fields and stamps the checkpoint with the masking version', () => {
    const own = deal('deal-a', { amount: 300_000 });
    const masked = maskPage(page([other, own]), rep, false);
    const docs = masked.items.map((i) => JSON.parse(i.json) as Record<string, unknown>);
    expect(docs.map((d) => d.amount)).toEqual([0, 300_000]);
    expect(masked.checkpoint).toEqual({ seq: 2, masking: rep.version });
  });

  it('leaves the stored JSON text alone when nothing can be hidden from the caller', () => {
    const original = page([other]);
    const masked = maskPage(original, manager, false);
    expect(masked.items).toBe(original.items);
    expect(masked.checkpoint).toEqual({ seq: 1 });
  });

  it('starts over when the checkpoint names another masking, and clears it explicitly when none applies', () => {
    expect(resumeFrom({ seq: 9, masking: rep.version }, rep)).toEqual({
      seq: 9,
      masking: rep.version,
    });
    expect(resumeFrom({ seq: 9 }, rep)).toBeNull();
    expect(resumeFrom({ seq: 9, masking: 'old' }, manager)).toBeNull();
    expect(resumeFrom({ seq: 9 }, manager)).toEqual({ seq: 9 });
    // RxDB stacks checkpoints (Object.assign): a dropped field would survive, so it is set to '', and a
    // back-fill the old checkpoint had under way is ended (null).
    expect(maskPage(page([other]), manager, true).checkpoint).toEqual({
      seq: 1,
      masking: '',
      fill: null,
    });
  });

  it('drops the history lines of hidden fields', () => {
    const entries = ['amount', 'name'].map((field) => ({
      seq: 1,
      at: 1,
      userId: 'u',
      userName: 'u',
      field,
      oldValue: 1,
      newValue: 2,
      kind: 'change' as const,
    }));
    expect(maskHistory(entries, other, rep).map((e) => e.field)).toEqual(['name']);
    expect(maskHistory(entries, other, manager)).toBe(entries);
  });
});

describe('keepHiddenFields', () => {
  it('keeps the stored value under the masked copy the pusher sends back', () => {
    const masked = { ...other, amount: 0, lineItems: [], notes: '新备注' };
    const kept = keepHiddenFields(masked, other, { ...other, amount: 0, lineItems: [] }, rep);
    expect(kept.attempted).toEqual([]);
    expect(kept.entity.amount).toBe(500_000);
    expect(kept.entity.notes).toBe('新备注');
  });

  it('reports a changed hidden value as an attempt (and keeps the stored one)', () => {
    const crafted = { ...other, amount: 1 };
    const kept = keepHiddenFields(crafted, other, { ...other, amount: 0, lineItems: [] }, rep);
    expect(kept.attempted).toEqual(['amount']);
    expect(kept.entity.amount).toBe(500_000);
    // Without an assumed state, the masked stored value is what they saw.
    expect(keepHiddenFields(crafted, other, null, rep).attempted).toEqual(['amount']);
  });

  it('gives a new record the neutral value where its creator would not see it', () => {
    const created = deal('deal-new', { teamId: '', ownerId: 'u-other', amount: 9 });
    expect(keepHiddenFields(created, null, null, rep).entity.amount).toBe(0);
    const mine = deal('deal-mine', { amount: 9 });
    expect(keepHiddenFields(mine, null, null, rep).entity.amount).toBe(9);
  });
});
