import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { deriveRxSchema, type CollectionName } from '@shared/domain';
import { openCrmDatabase } from './database';
import {
  buildAccount,
  buildContact,
  buildContract,
  buildDeal,
  buildLead,
} from '../../../test/support/factories';

const ISSUE_18_FIELDS = [
  'lastActivityAt',
  'customerSince',
  'anniversaryMonthDay',
  'birthdayMonthDay',
  'collectionDueDate',
];

/** The schema a collection had at version 0: the current one without the fields issue 18 added. */
function version0(name: CollectionName): RxJsonSchema<unknown> {
  const current = deriveRxSchema(name);
  const properties = { ...current.properties };
  for (const field of ISSUE_18_FIELDS) delete properties[field];
  return {
    ...current,
    version: 0,
    properties,
    required: current.required.filter((field) => !ISSUE_18_FIELDS.includes(field)),
    indexes: current.indexes.filter(
      (index) => ![index].flat().some((field) => ISSUE_18_FIELDS.includes(field)),
    ),
  } as unknown as RxJsonSchema<unknown>;
}

/** A record as a version-0 replica stored it: meta, the fields of the day, none of issue 18's. */
function stored<F extends object>(id: string, fields: F): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    ...fields,
    id,
    workspaceId: 'w1',
    teamId: 't1',
    ownerId: 'user-1',
    createdAt: 1,
    updatedAt: 1,
    createdBy: '',
    updatedBy: '',
    deleted: false,
  };
  for (const field of ISSUE_18_FIELDS) delete doc[field];
  return doc;
}

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

  it('gives version-0 records the fields follow-up rules read, derived from the document', async () => {
    const name = `migrate-${Math.random().toString(36).slice(2)}`;
    const storage = getRxStorageMemory();
    const old = await createRxDatabase({ name, storage });
    const collections = ['accounts', 'contacts', 'leads', 'deals', 'contracts'] as const;
    await old.addCollections(
      Object.fromEntries(collections.map((c) => [c, { schema: version0(c) }])),
    );
    await old.collections.accounts.insert(stored('acc-1', buildAccount({ name: '云杉科技' })));
    await old.collections.contacts.insert(
      stored('con-1', buildContact({ accountId: 'acc-1', birthday: '1988-02-29' })),
    );
    await old.collections.leads.insert(stored('lead-1', buildLead()));
    await old.collections.deals.insert(stored('deal-1', buildDeal({ accountId: 'acc-1' })));
    await old.collections.contracts.insert(
      stored(
        'ctr-1',
        buildContract({
          amount: 300,
          paymentPlan: [
            { id: 'p1', dueDate: '2026-01-31', amount: 100, note: '' },
            { id: 'p2', dueDate: '2026-03-31', amount: 200, note: '' },
          ],
          // 100 pays the first instalment in full: the second is the one still due.
          payments: [
            {
              id: 'r1',
              date: '2026-01-20',
              amount: 100,
              method: 'bankTransfer',
              planItemId: '',
              note: '',
            },
          ],
        }),
      ),
    );
    await old.close();

    const db = await openCrmDatabase({ name, storage, collections: [...collections] });
    opened.push(db);
    expect((await db.accounts.findOne('acc-1').exec())?.toJSON()).toMatchObject({
      name: '云杉科技',
      customerSince: '',
      anniversaryMonthDay: '',
      lastActivityAt: 0,
    });
    expect((await db.contacts.findOne('con-1').exec())?.toJSON()).toMatchObject({
      birthday: '1988-02-29',
      birthdayMonthDay: '02-29',
    });
    expect((await db.leads.findOne('lead-1').exec())?.toJSON().lastActivityAt).toBe(0);
    expect((await db.deals.findOne('deal-1').exec())?.toJSON().lastActivityAt).toBe(0);
    expect((await db.contracts.findOne('ctr-1').exec())?.toJSON().collectionDueDate).toBe(
      '2026-03-31',
    );
    // The new indexes answer: the contact is found by its birthday's month and day.
    const byBirthday = await db.contacts
      .find({ selector: { deleted: false, birthdayMonthDay: '02-29' } })
      .exec();
    expect(byBirthday.map((c) => c.id)).toEqual(['con-1']);
  });
});
