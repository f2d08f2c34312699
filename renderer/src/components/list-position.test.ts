import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  recalledListPosition,
  recordSequenceFor,
  rememberListPosition,
  resetListPositions,
  startRecordSequence,
  stepRecordSequence,
  type SequenceEntry,
} from './list-position';

const entries = (from: number, to: number): SequenceEntry[] =>
  Array.from({ length: to - from }, (_, i) => ({
    key: `a${from + i}`,
    href: `/accounts/a${from + i}`,
  }));

describe('list positions and record sequences', () => {
  beforeEach(() => resetListPositions());

  it('remembers the row opened per list, in sessionStorage (a reload keeps it)', () => {
    rememberListPosition('accounts:[{}]', 'a7');
    expect(recalledListPosition('accounts:[{}]')).toBe('a7');
    expect(recalledListPosition('accounts:[{"status":"active"}]')).toBeNull();
    expect(sessionStorage.getItem('crm.list-position:accounts:[{}]')).toBe('a7');
  });

  it('steps to the next and previous record, moving the list’s position along', async () => {
    startRecordSequence({
      kind: 'accounts',
      listPath: '/accounts',
      positionKey: 'p',
      entries: entries(0, 3),
    });
    const sequence = recordSequenceFor('accounts', 'a1')!;
    expect(await stepRecordSequence(sequence, 'a1', 1)).toEqual({
      key: 'a2',
      href: '/accounts/a2',
    });
    expect(recalledListPosition('p')).toBe('a2');
    expect(await stepRecordSequence(sequence, 'a1', -1)).toEqual({
      key: 'a0',
      href: '/accounts/a0',
    });
    // The ends: nothing, and the position stays.
    expect(await stepRecordSequence(sequence, 'a0', -1)).toBeNull();
    expect(await stepRecordSequence(sequence, 'a2', 1)).toBeNull();
    expect(recalledListPosition('p')).toBe('a0');
  });

  it('loads the next page when stepping past the loaded rows, and stops when there is none', async () => {
    const loadMore = vi
      .fn<() => Promise<SequenceEntry[] | null>>()
      .mockResolvedValueOnce(entries(0, 4))
      .mockResolvedValueOnce(null);
    startRecordSequence({
      kind: 'accounts',
      listPath: '/accounts',
      positionKey: 'p',
      entries: entries(0, 2),
      loadMore,
    });
    const sequence = recordSequenceFor('accounts', 'a1')!;
    expect((await stepRecordSequence(sequence, 'a1', 1))?.key).toBe('a2');
    expect(loadMore).toHaveBeenCalledTimes(1);
    expect((await stepRecordSequence(sequence, 'a2', 1))?.key).toBe('a3');
    expect(await stepRecordSequence(sequence, 'a3', 1)).toBeNull();
    expect(loadMore).toHaveBeenCalledTimes(2);
  });

  it('belongs to records of its kind that are in it only', () => {
    startRecordSequence({
      kind: 'deals',
      listPath: '/deals',
      positionKey: 'd',
      entries: entries(0, 2),
    });
    expect(recordSequenceFor('deals', 'a1')).not.toBeNull();
    expect(recordSequenceFor('deals', 'zz')).toBeNull();
    expect(recordSequenceFor('accounts', 'a1')).toBeNull();
  });
});
