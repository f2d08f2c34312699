import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxDocument } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import { awaitUpstreamSettled } from './rxdb-upstream';

// Contract test for the adapter over RxDB's replication internals: it runs the installed RxDB, so an
// upgrade that renames or reshapes `streamQueue.up` fails here.

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

let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('awaitUpstreamSettled (RxDB replication internals)', () => {
  it('returns at once for a replication that has not started', async () => {
    await expect(awaitUpstreamSettled(undefined)).resolves.toBeUndefined();
  });

  it('waits until a push that is out is answered and its reply written to the replica', async () => {
    db = await createRxDatabase({ name: `up-${Date.now()}`, storage: getRxStorageMemory() });
    const { notes } = await db.addCollections<{ notes: RxCollection<Note> }>({ notes: { schema } });
    const pushEntered = deferred();
    const answer = deferred();
    const replication = replicateRxCollection<Note, number>({
      collection: notes,
      replicationIdentifier: 'upstream-contract',
      live: true,
      waitForLeadership: false,
      pull: {
        stream$: new Subject<'RESYNC'>().asObservable(),
        handler: () => Promise.resolve({ documents: [], checkpoint: 0 }),
      },
      push: {
        handler: async (rows) => {
          if (rows.every((row) => row.newDocumentState.text !== 'local')) return [];
          pushEntered.resolve();
          await answer.promise;
          // The server holds another state: RxDB must write it into the replica before the push is done.
          return [{ id: rows[0].newDocumentState.id, text: 'server', _deleted: false }];
        },
      },
    });
    await replication.awaitInitialReplication();
    await notes.insert({ id: 'n1', text: 'local' });
    await pushEntered.promise;

    const internal = replication.internalReplicationState as unknown as {
      streamQueue?: { up?: unknown };
    };
    expect(internal.streamQueue?.up).toBeInstanceOf(Promise);

    const settled = awaitUpstreamSettled(replication).then(
      async (): Promise<string | undefined> => {
        const doc = (await notes.findOne('n1').exec()) as RxDocument<Note> | null;
        return doc?.get('text') as string | undefined;
      },
    );
    answer.resolve();
    // The reply was applied by the time the upstream queue settled.
    expect(await settled).toBe('server');
    await replication.cancel();
  });
});
