import { describe, expect, it } from 'vitest';
import type { WireDoc } from '@shared/sync';
import { completeBareTombstones, withoutReplicationFields } from './bare-tombstones';

describe('completeBareTombstones', () => {
  const held = new Map<string, WireDoc>([
    ['a', { id: 'a', name: '天津有限公司', teamId: 'north' }],
  ]);
  const lookup = (ids: string[]) =>
    Promise.resolve(new Map([...held].filter(([id]) => ids.includes(id))));

  it('completes a bare tombstone from the replica and drops one of a record it does not hold', async () => {
    const live: WireDoc = { id: 'c', name: '广州有限公司', _deleted: false };
    const result = await completeBareTombstones(
      [{ id: 'b', _deleted: true }, { id: 'a', _deleted: true }, live],
      lookup,
    );
    expect(result.documents).toEqual([
      { id: 'a', name: '天津有限公司', teamId: 'north', _deleted: true },
      live,
    ]);
    expect(result.kept).toEqual([1, 2]);
  });

  it('leaves full tombstones and answers without bare ones as they are, without a lookup', async () => {
    const docs: WireDoc[] = [{ id: 'x', name: '杭州有限公司', _deleted: true }];
    const result = await completeBareTombstones(docs, () => {
      throw new Error('no lookup expected');
    });
    expect(result).toEqual({ documents: docs, kept: [0] });
  });

  it('strips RxDB bookkeeping from a stored replica document', () => {
    expect(
      withoutReplicationFields({
        id: 'a',
        name: 'n',
        _meta: { lwt: 1 },
        _rev: '1-x',
        _attachments: {},
      }),
    ).toEqual({ id: 'a', name: 'n' });
  });
});
