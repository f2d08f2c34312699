import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../database';
import { BusinessRuleError } from '../errors';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import { mergeRecords, planMergeRequest } from './merge-records';
import {
  buildAccount,
  buildActivity,
  buildComment,
  buildContact,
  buildDeal,
} from '../../../../test/support/factories';

let db: CrmDatabase;
let repos: Repositories;
let now: () => number;

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

async function twoAccounts() {
  const keep = await repos.accounts.create(
    buildAccount({ name: '苏州青禾机电有限公司', phone: '0512-1111', website: '' }),
  );
  const gone = await repos.accounts.create(
    buildAccount({
      name: '苏州青禾机电',
      phone: '0512-2222',
      website: 'https://qinghe.example.com',
    }),
  );
  const contact = await repos.contacts.create(buildContact({ accountId: gone.id }));
  const deal = await repos.deals.create(buildDeal({ accountId: gone.id, contactId: contact.id }));
  const call = await repos.activities.create(
    buildActivity({ relatedType: 'account', relatedId: gone.id, accountId: gone.id }),
  );
  const comment = await repos.activities.create(
    buildComment({ relatedType: 'account', relatedId: gone.id, accountId: gone.id }),
  );
  return { keep, gone, contact, deal, call, comment };
}

describe('mergeRecords (the replica)', () => {
  it('writes the survivor’s chosen fields, moves related records and leaves a tombstone', async () => {
    const { keep, gone, contact, deal, call, comment } = await twoAccounts();
    const preview = await planMergeRequest(
      repos,
      { kind: 'accounts', survivorId: keep.id, loserIds: [gone.id], choices: { phone: gone.id } },
      now(),
    );
    expect(preview.moves).toHaveLength(4);

    await mergeRecords(
      repos,
      { kind: 'accounts', survivorId: keep.id, loserIds: [gone.id], choices: { phone: gone.id } },
      now(),
    );

    expect(await repos.accounts.get(keep.id)).toMatchObject({
      name: '苏州青禾机电有限公司',
      phone: '0512-2222',
      website: 'https://qinghe.example.com',
      deleted: false,
      mergedIntoId: '',
    });
    expect(await repos.accounts.get(gone.id)).toMatchObject({
      deleted: true,
      mergedIntoId: keep.id,
    });
    expect((await repos.contacts.get(contact.id))?.accountId).toBe(keep.id);
    expect((await repos.deals.get(deal.id))?.accountId).toBe(keep.id);
    expect(await repos.activities.get(call.id)).toMatchObject({
      relatedId: keep.id,
      accountId: keep.id,
    });
    expect(await repos.activities.get(comment.id)).toMatchObject({
      type: 'comment',
      relatedId: keep.id,
    });
  });

  it('refuses to merge a record that was already merged away', async () => {
    const { keep, gone } = await twoAccounts();
    await mergeRecords(
      repos,
      { kind: 'accounts', survivorId: keep.id, loserIds: [gone.id] },
      now(),
    );
    const again = await mergeRecords(
      repos,
      { kind: 'accounts', survivorId: keep.id, loserIds: [gone.id] },
      now(),
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BusinessRuleError);
    expect((again as BusinessRuleError).messageKey).toBe('merge.errors.alreadyMerged');
  });
});
