import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { deriveRxSchema } from '@shared/domain';
import { openCrmDatabase } from './database';

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe('schema migrations', () => {
  it('opens a replica whose members were stored under schema version 0 and keeps them', async () => {
    const name = `migrate-${Math.random().toString(36).slice(2)}`;
    const storage = getRxStorageMemory();
    const old = await createRxDatabase({ name, storage });
    const v0 = { ...deriveRxSchema('members'), version: 0 } as unknown as RxJsonSchema<unknown>;
    await old.addCollections({ members: { schema: v0 } });
    await old.collections.members.insert({
      id: 'user-1',
      workspaceId: 'w1',
      teamId: 't1',
      ownerId: 'user-1',
      createdAt: 1,
      updatedAt: 1,
      createdBy: '',
      updatedBy: '',
      deleted: false,
      kind: 'user',
      name: '王芳',
      email: '',
      role: 'rep',
      parentTeamId: '',
      teamIds: ['t1'],
      active: true,
    });
    await old.close();

    const db = await openCrmDatabase({ name, storage, collections: ['members'] });
    opened.push(db);
    const member = await db.members.findOne('user-1').exec();
    expect(member?.toJSON()).toMatchObject({ name: '王芳', teamIds: ['t1'] });
  });
});
