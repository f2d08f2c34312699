import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import { Subject } from 'rxjs';
import type { WireDoc } from '@shared/sync';
import { BOOTSTRAP_WRITE_CONTEXT, ForkWriter, replicationIdentifierOf } from './rxdb-fork-writes';

// Contract test for the adapter that writes documents the way RxDB's replication downstream does (the `_meta.o`
// origin mark, no assumed-master copy): it runs the installed RxDB, so an upgrade that changes how RxDB reads
// the mark fails here, not silently in sync.

interface Note {
  id: string;
  text: string;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id', 'text'],
} as const;

const IDENTIFIER = replicationIdentifierOf('contract', 'notes');

let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function notesCollection(): Promise<RxCollection<Note>> {
  db = await createRxDatabase({
    name: `fork-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
  });
  const { notes } = await db.addCollections<{ notes: RxCollection<Note> }>({ notes: { schema } });
  return notes;
}

function wire(id: string, text: string): WireDoc {
  return { id, text, _deleted: false };
}

/** Writes through the adapter and returns the storage checkpoint after the write (what the bootstrap keeps). */
async function bootstrapWrite(notes: RxCollection<Note>, docs: WireDoc[]): Promise<unknown> {
  let checkpoint: unknown;
  const sub = notes.storageInstance.changeStream().subscribe((bulk) => {
    if (bulk.context === BOOTSTRAP_WRITE_CONTEXT) checkpoint = bulk.checkpoint;
  });
  const writer = await ForkWriter.open(notes, IDENTIFIER);
  await writer.write(docs);
  sub.unsubscribe();
  return checkpoint;
}

/** A replication over an in-memory master that records what RxDB pushes. */
function replicate(
  notes: RxCollection<Note>,
  master: Map<string, Note>,
  from: { pull: number; push: unknown },
) {
  const pushed: RxReplicationWriteToMasterRow<Note>[] = [];
  const stream = new Subject<'RESYNC'>();
  let seq = from.pull;
  const replication = replicateRxCollection<Note, number>({
    collection: notes,
    replicationIdentifier: IDENTIFIER,
    live: true,
    waitForLeadership: false,
    pull: {
      initialCheckpoint: from.pull,
      stream$: stream.asObservable(),
      handler: (checkpoint) => {
        const after = checkpoint ?? 0;
        const documents =
          after < seq ? [...master.values()].map((n) => ({ ...n, _deleted: false })) : [];
        return Promise.resolve({ documents, checkpoint: seq });
      },
    },
    push: {
      initialCheckpoint: from.push,
      handler: (rows) => {
        pushed.push(...rows);
        for (const row of rows) master.set(row.newDocumentState.id, row.newDocumentState);
        return Promise.resolve([]);
      },
    },
  });
  /** The master changes a note and tells the replica (a `changed` poke). */
  const masterEdit = (note: Note) => {
    master.set(note.id, note);
    seq += 1;
    stream.next('RESYNC');
  };
  return { replication, pushed, masterEdit };
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ForkWriter (RxDB replication downstream format)', () => {
  it('writes documents RxDB then treats as the master state: not pushed, replaced by a later pull', async () => {
    const notes = await notesCollection();
    const master = new Map<string, Note>([
      ['n1', { id: 'n1', text: 'server 1' }],
      ['n2', { id: 'n2', text: 'server 2' }],
    ]);
    const push = await bootstrapWrite(notes, [wire('n1', 'server 1'), wire('n2', 'server 2')]);
    expect(push).toBeDefined();
    const { replication, pushed, masterEdit } = replicate(notes, master, { pull: 1, push });
    await replication.awaitInitialReplication();
    expect(pushed).toEqual([]);

    masterEdit({ id: 'n1', text: 'server 1, edited' });
    await waitFor(async () => (await notes.findOne('n1').exec())?.text === 'server 1, edited');
    expect(pushed).toEqual([]);
    await replication.cancel();
  });

  it('control: without the origin mark RxDB takes the document for an unpushed local change and keeps it', async () => {
    const notes = await notesCollection();
    const master = new Map<string, Note>([['n1', { id: 'n1', text: 'server 1' }]]);
    let push: unknown;
    const sub = notes.storageInstance.changeStream().subscribe((bulk) => {
      push = bulk.checkpoint as unknown;
    });
    await notes.insert({ id: 'n1', text: 'server 1' });
    sub.unsubscribe();
    const { replication, pushed, masterEdit } = replicate(notes, master, { pull: 1, push });
    await replication.awaitInitialReplication();
    masterEdit({ id: 'n1', text: 'server 1, edited' });
    await replication.awaitInSync();
    expect(pushed).toEqual([]);
    expect((await notes.findOne('n1').exec())?.text).toBe('server 1');
    await replication.cancel();
  });

  it('a local edit of a written document is pushed without an assumed master (the engine supplies the base)', async () => {
    const notes = await notesCollection();
    const master = new Map<string, Note>([['n1', { id: 'n1', text: 'server 1' }]]);
    const push = await bootstrapWrite(notes, [wire('n1', 'server 1')]);
    const writer = await ForkWriter.open(notes, IDENTIFIER);
    const stored = async () =>
      (await notes.storageInstance.findDocumentsById(['n1'], false))[0] as unknown as Record<
        string,
        unknown
      >;
    expect(writer.holdsServerState(await stored())).toBe(true);

    const { replication, pushed } = replicate(notes, master, { pull: 1, push });
    await replication.awaitInitialReplication();
    await (await notes.findOne('n1').exec())?.incrementalPatch({ text: 'local edit' });
    expect(writer.holdsServerState(await stored())).toBe(false);
    await waitFor(() => Promise.resolve(pushed.length > 0));
    expect(pushed[0]).toMatchObject({
      newDocumentState: { id: 'n1', text: 'local edit' },
    });
    expect(pushed[0].assumedMasterState).toBeUndefined();
    await replication.cancel();
  });

  it('replaces a written document that still holds the server state, and keeps one edited locally', async () => {
    const notes = await notesCollection();
    const writer = await ForkWriter.open(notes, IDENTIFIER);
    await writer.write([wire('n1', 'v1'), wire('n2', 'v1')]);
    await (await notes.findOne('n2').exec())?.incrementalPatch({ text: 'local' });
    // The same records again, changed on the server while the download ran; n3 deleted before it arrived.
    const result = await writer.write([
      wire('n1', 'v2'),
      wire('n2', 'v2'),
      { id: 'n3', text: 'x', _deleted: true },
    ]);
    expect(result.written).toBe(1);
    expect((await notes.findOne('n1').exec())?.text).toBe('v2');
    expect((await notes.findOne('n2').exec())?.text).toBe('local');
    expect(await notes.findOne('n3').exec()).toBeNull();
    // A tombstone of a record the replica holds deletes it.
    await writer.write([{ id: 'n1', text: 'v2', _deleted: true }]);
    expect(await notes.findOne('n1').exec()).toBeNull();
  });
});
