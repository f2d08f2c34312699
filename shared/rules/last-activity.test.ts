import { describe, expect, it } from 'vitest';
import {
  customerContactAt,
  lastActivityAfter,
  lastActivityEffects,
  lastActivityOf,
  lastActivityTargets,
  lastActivityUpdate,
} from './last-activity';
import type { Activity } from '../domain/entities';
import { buildActivity } from '../../test/support/factories';

const T1 = Date.UTC(2026, 2, 1, 9);
const T2 = Date.UTC(2026, 2, 5, 15);
const onLead = (overrides: Parameters<typeof buildActivity>[0] = {}): Activity => ({
  ...buildActivity({ relatedType: 'lead', relatedId: 'lead-1', occurredAt: T1, ...overrides }),
  id: 'act-1',
  workspaceId: 'w1',
  teamId: '',
  ownerId: '',
  createdAt: T1,
  updatedAt: T1,
  createdBy: '',
  updatedBy: '',
  deleted: false,
});

describe('customerContactAt', () => {
  it('counts calls, meetings, e-mails, visits and notes when they happened', () => {
    for (const type of ['call', 'meeting', 'email', 'visit', 'note'] as const)
      expect(customerContactAt(onLead({ type }))).toBe(T1);
  });

  it('counts a task only once done, at doneAt (occurredAt without one)', () => {
    expect(customerContactAt(onLead({ type: 'task', dueDate: '2026-03-02' }))).toBe(0);
    expect(customerContactAt(onLead({ type: 'task', done: true, doneAt: T2 }))).toBe(T2);
    expect(customerContactAt(onLead({ type: 'task', done: true }))).toBe(T1);
  });

  it('never counts a deleted activity or a comment', () => {
    expect(customerContactAt({ ...onLead(), deleted: true })).toBe(0);
    const comment = { ...onLead(), type: 'comment' } as unknown as Activity;
    expect(customerContactAt(comment)).toBe(0);
  });
});

describe('lastActivityAfter', () => {
  it('is the later of the current value and the activity, in either order', () => {
    const a = onLead({ occurredAt: T1 });
    const b = onLead({ occurredAt: T2 });
    expect(lastActivityAfter(lastActivityAfter(0, a), b)).toBe(T2);
    expect(lastActivityAfter(lastActivityAfter(0, b), a)).toBe(T2);
    expect(lastActivityAfter(T2, onLead({ type: 'task' }))).toBe(T2);
  });
});

describe('lastActivityTargets', () => {
  it('names the related lead, deal or account and the timeline’s account, each once', () => {
    expect(lastActivityTargets(onLead())).toEqual([{ collection: 'leads', id: 'lead-1' }]);
    expect(
      lastActivityTargets({ relatedType: 'deal', relatedId: 'deal-1', accountId: 'acc-1' }),
    ).toEqual([
      { collection: 'deals', id: 'deal-1' },
      { collection: 'accounts', id: 'acc-1' },
    ]);
    expect(
      lastActivityTargets({ relatedType: 'account', relatedId: 'acc-1', accountId: 'acc-1' }),
    ).toEqual([{ collection: 'accounts', id: 'acc-1' }]);
    expect(
      lastActivityTargets({ relatedType: 'contact', relatedId: 'con-1', accountId: 'acc-1' }),
    ).toEqual([{ collection: 'accounts', id: 'acc-1' }]);
    expect(lastActivityTargets({ relatedType: '', relatedId: '', accountId: '' })).toEqual([]);
  });
});

describe('lastActivityOf', () => {
  it('is the latest contact among the activities that count towards the target', () => {
    const activities = [
      onLead({ occurredAt: T1 }),
      onLead({ type: 'task', occurredAt: T2 + 1 }), // open task: no contact
      onLead({ occurredAt: T2, relatedId: 'lead-2' }), // another lead
    ];
    expect(lastActivityOf({ collection: 'leads', id: 'lead-1' }, activities)).toBe(T1);
    expect(lastActivityOf({ collection: 'leads', id: 'lead-3' }, activities)).toBe(0);
  });
});

describe('lastActivityEffects and lastActivityUpdate', () => {
  const lead1 = { collection: 'leads', id: 'lead-1' };

  it('a new or completed activity raises the target', () => {
    const [effect] = lastActivityEffects([{ before: null, after: onLead({ occurredAt: T2 }) }]);
    expect(effect).toEqual({ ...lead1, raiseTo: T2, lowered: null });
    expect(lastActivityUpdate(T1, effect)).toBe(T2);
    expect(lastActivityUpdate(T2 + 5, effect)).toBe(T2 + 5);
    const task = onLead({ type: 'task' });
    const [done] = lastActivityEffects([
      { before: task, after: { ...task, done: true, doneAt: T2 } },
    ]);
    expect(done).toEqual({ ...lead1, raiseTo: T2, lowered: null });
  });

  it('a deleted activity asks for a recompute only when it may have been the latest', () => {
    const call = onLead({ occurredAt: T1 });
    const [effect] = lastActivityEffects([{ before: call, after: { ...call, deleted: true } }]);
    expect(effect).toEqual({ ...lead1, raiseTo: 0, lowered: T1 });
    expect(lastActivityUpdate(T1, effect)).toBe('recompute');
    // A later contact than the deleted one is still the latest.
    expect(lastActivityUpdate(T2, effect)).toBe(T2);
    const [gone] = lastActivityEffects([{ before: call, after: null }]);
    expect(gone.lowered).toBe(T1);
  });

  it('a moved activity raises its new record and lowers its old one', () => {
    const call = onLead({ occurredAt: T1 });
    const effects = lastActivityEffects([
      { before: call, after: { ...call, relatedId: 'lead-2' } },
    ]);
    expect(effects).toEqual([
      { collection: 'leads', id: 'lead-2', raiseTo: T1, lowered: null },
      { ...lead1, raiseTo: 0, lowered: T1 },
    ]);
  });

  it('an activity moved earlier in time lowers, moved later raises; an edit of its text changes nothing', () => {
    const call = onLead({ occurredAt: T2 });
    const [earlier] = lastActivityEffects([{ before: call, after: { ...call, occurredAt: T1 } }]);
    expect(earlier).toEqual({ ...lead1, raiseTo: T1, lowered: T2 });
    const [later] = lastActivityEffects([{ before: call, after: { ...call, occurredAt: T2 + 1 } }]);
    expect(later).toEqual({ ...lead1, raiseTo: T2 + 1, lowered: null });
    const [same] = lastActivityEffects([{ before: call, after: { ...call, subject: '改' } }]);
    expect(lastActivityUpdate(T2, same)).toBe(T2);
  });
});
