import { describe, expect, it } from 'vitest';
import type { WireDoc } from '@shared/sync';
import { DirectChanges } from './direct-changes';

const changes = (seq: number, fromSeq: number, ...documents: WireDoc[]) => ({
  type: 'changes' as const,
  collection: 'accounts' as const,
  documents,
  checkpoint: { seq },
  fromSeq,
});
const doc = (id: string, notes: string): WireDoc => ({ id, notes, _deleted: false });

describe('DirectChanges', () => {
  it('sends pulls to the server until one completes, then answers from the buffered changes', () => {
    const direct = new DirectChanges();
    direct.reset('accounts');
    expect(direct.take('accounts', { seq: 5 })).toBeNull();
    const ticket = direct.serverPullStarted('accounts');
    direct.serverPullDone('accounts', ticket, true);
    direct.receive(changes(8, 5, doc('a', '1')), 1);
    direct.receive(changes(9, 8, doc('b', '1'), doc('a', '2')), 2);
    expect(direct.take('accounts', { seq: 5 })).toEqual({
      documents: [doc('b', '1'), doc('a', '2')],
      arrivals: [2, 2],
      checkpoint: { seq: 9 },
    });
    // Consumed: a second pull answers nothing new, at the same checkpoint.
    expect(direct.take('accounts', { seq: 9 })).toEqual({
      documents: [],
      arrivals: [],
      checkpoint: { seq: 9 },
    });
  });

  it('drops changes a pull already covered (they would overwrite newer documents)', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    direct.receive(changes(8, 5, doc('a', 'old')), 3);
    direct.receive(changes(12, 8, doc('b', 'new')), 4);
    expect(direct.take('accounts', { seq: 10 })).toEqual({
      documents: [doc('b', 'new')],
      arrivals: [4],
      checkpoint: { seq: 12 },
    });
  });

  it('goes back to the server after a poke, a full page or a new connection', () => {
    const direct = new DirectChanges();
    const done = (complete: boolean) =>
      direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), complete);
    done(true);
    direct.requireServerPull('accounts');
    expect(direct.take('accounts', { seq: 1 })).toBeNull();
    done(false);
    expect(direct.take('accounts', { seq: 1 })).toBeNull();
    done(true);
    expect(direct.take('accounts', { seq: 1 })).not.toBeNull();
    direct.receive(changes(3, 1, doc('a', '1')), 5);
    direct.reset('accounts');
    expect(direct.take('accounts', { seq: 1 })).toBeNull();
    done(true);
    expect(direct.take('accounts', { seq: 1 })).toEqual({
      documents: [],
      arrivals: [],
      checkpoint: { seq: 1 },
    });
  });

  it('keeps asking the server when a poke came while a server pull was out', () => {
    const direct = new DirectChanges();
    const ticket = direct.serverPullStarted('accounts');
    direct.requireServerPull('accounts');
    direct.serverPullDone('accounts', ticket, true);
    expect(direct.take('accounts', { seq: 1 })).toBeNull();
  });

  it('answers an empty replica that completed its first pull (no checkpoint yet)', () => {
    const direct = new DirectChanges();
    direct.reset('accounts');
    expect(direct.take('accounts', null)).toBeNull();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    direct.receive(changes(4, 0, doc('a', '1')), 6);
    expect(direct.take('accounts', null)).toEqual({
      documents: [doc('a', '1')],
      arrivals: [6],
      checkpoint: { seq: 4 },
    });
  });

  it('keeps where each message arrived, and the oldest still held', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    expect(direct.oldestHeld('accounts')).toBe(Infinity);
    direct.receive(changes(3, 1, doc('a', '1')), 10);
    direct.receive(changes(4, 3, doc('b', '1')), 12);
    expect(direct.oldestHeld('accounts')).toBe(10);
    expect(direct.take('accounts', { seq: 1 })).toMatchObject({ arrivals: [10, 12] });
    expect(direct.oldestHeld('accounts')).toBe(Infinity);
  });
  it('keeps the scope of the changes in the checkpoint it answers with', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    direct.receive(
      { ...changes(8, 5, doc('a', '1')), checkpoint: { seq: 8, scope: ['north'] } },
      1,
    );
    expect(direct.take('accounts', { seq: 5, scope: ['north'], fill: null })?.checkpoint).toEqual({
      seq: 8,
      scope: ['north'],
      fill: null,
    });
    // An empty replica (no checkpoint yet) takes the scope the changes were seen with.
    direct.receive({ ...changes(9, 8, doc('b', '1')), checkpoint: { seq: 9, scope: 'all' } }, 2);
    expect(direct.take('accounts', null)?.checkpoint).toEqual({ seq: 9, scope: 'all' });
  });

  it('asks the server when the changes were seen with another scope than the replica holds, and drops them', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    direct.receive(
      { ...changes(8, 5, doc('a', '1')), checkpoint: { seq: 8, scope: ['north'] } },
      1,
    );
    expect(direct.take('accounts', { seq: 5, scope: ['south'] })).toBeNull();
    // Dropped: the pull from the server covers them.
    expect(direct.take('accounts', { seq: 5, scope: ['south'] })?.documents).toEqual([]);
  });

  it('asks the server while a back-fill has not ended', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    const fill = {
      to: ['south'],
      maybe: ['north'],
      phase: 'gain' as const,
      afterSeq: 3,
      afterId: '',
    };
    expect(direct.take('accounts', { seq: 5, scope: ['north'], fill })).toBeNull();
  });

  it('answers with the newest checkpoint whole, keeping the field masking it names', () => {
    const direct = new DirectChanges();
    direct.serverPullDone('accounts', direct.serverPullStarted('accounts'), true);
    direct.receive({ ...changes(8, 5, doc('a', '1')), checkpoint: { seq: 8, masking: 'm1' } }, 1);
    expect(direct.take('accounts', { seq: 5, masking: 'm1' })?.checkpoint).toEqual({
      seq: 8,
      masking: 'm1',
    });
    // Nothing newer: the checkpoint it was given, not a bare sequence.
    expect(direct.take('accounts', { seq: 8, masking: 'm1' })?.checkpoint).toEqual({
      seq: 8,
      masking: 'm1',
    });
  });
});
