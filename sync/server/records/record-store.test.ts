import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStamp, encodeStamp, RejectReason } from '@shared/sync';
import { ValidationMessage } from '@shared/validation';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrations';
import type { Sql } from '../db/sql';
import { ChangeBus, type ChangeEvent } from '../fanout';
import { RecordStore } from './record-store';
import { account, deal, principal, pushRow, WORKSPACE } from './test-fixtures';

/**
 * The façade wired to a real database (embedded PGlite, in memory): the modules of this folder together, through
 * RecordStore's public API. The socket and HTTP paths on top of it are covered in test/integration.
 */
const UNSTORABLE = ValidationMessage.unstorableText;

describe('RecordStore (PGlite)', { timeout: 60_000 }, () => {
  let sql: Sql;
  let bus: ChangeBus;
  let store: RecordStore;
  const events: Extract<ChangeEvent, { kind: 'records' }>[] = [];
  const rep = principal();
  const teamA = new Set(['team-a']);

  beforeAll(async () => {
    sql = await openDatabase({});
    await migrate(sql);
    bus = new ChangeBus(sql);
    store = new RecordStore(sql, bus);
    bus.subscribe((event) => {
      if (event.kind === 'records') events.push(event);
    });
  }, 60_000);
  afterAll(async () => {
    await sql.close();
  });

  it('writes pushed records, pulls them back in scope, and keeps their history', async () => {
    const result = await store.push(rep, teamA, 'accounts', [
      pushRow(account('acc-1')),
      pushRow(account('acc-2', { teamId: 'team-b' })),
    ]);
    expect(result.written).toBe(1);
    expect(result.rejected.map((r) => r.reason)).toEqual([RejectReason.outOfScope]);

    const pulled = await store.pull(rep, teamA, 'accounts', null, 10);
    expect(pulled.documents.map((d) => d.id)).toEqual(['acc-1']);
    // The checkpoint names the scope the answer was read with (a later change of scope back-fills from it).
    expect(pulled.checkpoint).toEqual({ seq: events[events.length - 1].seq, scope: ['team-a'] });
    const json = await store.pullJson(rep, teamA, 'accounts', null, 10);
    expect(json.count).toBe(1);
    expect(JSON.parse(json.documentsJson)).toEqual(pulled.documents);

    const [stored] = pulled.documents;
    await store.push(rep, teamA, 'accounts', [
      pushRow(account('acc-1', { notes: '第二次', updatedAt: 5_000 }), account('acc-1', stored)),
    ]);
    const history = await store.history(rep, teamA, 'accounts', 'acc-1');
    expect(history?.[0]).toMatchObject({
      field: 'notes',
      oldValue: '',
      newValue: '第二次',
      kind: 'change',
    });
    expect(history?.some((h) => h.kind === 'create')).toBe(true);
    expect(await store.history(rep, new Set(['team-b']), 'accounts', 'acc-1')).toBeNull();
    expect((await store.get(rep, teamA, 'accounts', 'acc-1'))?.notes).toBe('第二次');
  });

  it('holds a pushed deal to the pipeline’s stage gate (the shared rule)', async () => {
    await store.push(rep, teamA, 'deals', [pushRow(deal('deal-1'))]);
    const before = await store.get(rep, teamA, 'deals', 'deal-1');
    const skip = await store.push(rep, teamA, 'deals', [
      pushRow(deal('deal-1', { stage: 'quote', updatedAt: 9_000 }), deal('deal-1', before ?? {})),
    ]);
    expect(skip.written).toBe(0);
    expect(skip.rejected).toEqual([
      expect.objectContaining({
        reason: RejectReason.stageGate,
        params: { stage: 'quote', fields: 'budget,decisionMakerId,competitor' },
      }),
    ]);
    expect(skip.conflicts[0]).toMatchObject({ stage: 'qualify' });
    expect((await store.get(rep, teamA, 'deals', 'deal-1'))?.stage).toBe('qualify');
  });

  it('commits pushes that arrive together as chained commits, each answered', async () => {
    const from = events.length;
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => store.push(rep, teamA, 'accounts', [pushRow(account(`grp-${i}`))])),
    );
    expect(results.map((r) => r.written)).toEqual([1, 1, 1, 1]);
    const announced = events.slice(from);
    expect(announced).toHaveLength(4);
    for (let i = 1; i < announced.length; i++)
      expect(announced[i].prevSeq).toBe(announced[i - 1].seq);
  });

  it('pages a pull and counts what remains', async () => {
    const first = await store.pull(rep, teamA, 'accounts', null, 2);
    expect(first.documents).toHaveLength(2);
    expect(first.remaining).toBe(3);
    const second = await store.pull(rep, teamA, 'accounts', first.checkpoint, 2);
    expect(second.remaining).toBe(1);
    const last = await store.pull(rep, teamA, 'accounts', second.checkpoint, 2);
    expect(last.documents).toHaveLength(1);
    expect(last.remaining).toBe(0);
  });

  it('writes as the server, in bulk, and reports the latest sequence', async () => {
    const from = events.length;
    const one = await store.writeAsServer(WORKSPACE, 'accounts', account('srv-1'));
    const bulk = await store.bulkUpsert(WORKSPACE, 'accounts', [
      account('srv-2'),
      account('srv-3'),
    ]);
    expect(bulk).toBeGreaterThan(one);
    expect(await store.bulkUpsert(WORKSPACE, 'accounts', [])).toBe(0);
    await store.bulkUpsert(WORKSPACE, 'accounts', [account('srv-4')], { publish: false });
    expect(events.slice(from).map((e) => e.seq)).toEqual([one, bulk]);
    expect(await store.currentSeq()).toBe(bulk + 1);
  });

  it('rejects rows holding text the database cannot store, by field, and stores the rest', async () => {
    const result = await store.push(rep, teamA, 'accounts', [
      pushRow(account('acc-text-1')),
      pushRow(account('acc-text-2', { notes: 'NUL \u0000' })),
      // Not even looked up: an id like this would fail the query that reads the stored rows.
      pushRow(account('acc-text-\u0000')),
      pushRow(account('acc-text-3', { tags: ['half \udc00'] })),
    ]);
    expect(result.written).toBe(1);
    expect(result.rejected.map((r) => [r.id, r.reason, r.issues])).toEqual([
      ['acc-text-2', RejectReason.validation, [{ path: 'notes', message: UNSTORABLE }]],
      ['acc-text-\u0000', RejectReason.validation, [{ path: 'id', message: UNSTORABLE }]],
      ['acc-text-3', RejectReason.validation, [{ path: 'tags.0', message: UNSTORABLE }]],
    ]);
    const pulled = await store.pull(rep, teamA, 'accounts', null, 100);
    expect(pulled.documents.map((d) => d.id).filter((id) => id.startsWith('acc-text'))).toEqual([
      'acc-text-1',
    ]);
  });
  it('stores the stamps a push brings, stamps server writes with its clock, and dates history lines', async () => {
    const clocksOf = async (id: string) =>
      (
        await sql.query<{ field_clocks: Record<string, string> }>(
          'SELECT field_clocks FROM records WHERE workspace_id = $1 AND id = $2',
          [WORKSPACE, id],
        )
      )[0].field_clocks;
    const edited = Date.now() - 60_000;
    const row = pushRow(account('acc-stamped', { notes: '带时间' }));
    row.stamps = { notes: encodeStamp({ wall: edited, counter: 0, node: 'spoofed-node' }) };
    const result = await store.push(rep, teamA, 'accounts', [row]);
    expect(result.written).toBe(1);
    const clocks = await clocksOf('acc-stamped');
    // Re-noded to the pusher's device; the fields it did not stamp carry the server's receive time.
    expect(clocks.notes).toBe(encodeStamp({ wall: edited, counter: 0, node: rep.deviceId }));
    expect(decodeStamp(clocks.name)?.node).toMatch(/^server:/);
    const history = await store.history(rep, teamA, 'accounts', 'acc-stamped');
    expect(history?.find((h) => h.field === 'notes')?.editedAt).toBe(edited);

    const before = store.clock();
    await store.writeAsServer(WORKSPACE, 'accounts', {
      ...(await store.get(rep, teamA, 'accounts', 'acc-stamped'))!,
      phone: '010-8',
    });
    const after = await clocksOf('acc-stamped');
    expect(after.notes).toBe(clocks.notes);
    expect(after.phone > before).toBe(true);
  });
});
