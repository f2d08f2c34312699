import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../data/database';
import { BusinessRuleError, RecordValidationError } from '../../data/errors';
import type { InboxEntry } from '../../data/inbox-collection';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { InboxRepository } from '../../data/repositories/inbox-repository';
import { buildAccount, buildDeal, withMeta } from '../../../../test/support/factories';
import { applyInboxEntry } from './mutations';

let db: CrmDatabase;
let repos: Repositories;
let now: () => number;
let inbox: InboxRepository;
let seq = 0;

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
  inbox = new InboxRepository(db);
});
afterEach(async () => {
  await db.close();
});

const account = buildAccount();

function buildEntry(overrides: Partial<InboxEntry>): InboxEntry {
  return {
    id: `accounts/a/${++seq}`,
    recordCollection: 'accounts',
    recordId: 'a',
    reason: 'sync.rejected.outOfScope',
    params: {},
    issues: [],
    attempted: {},
    createdAt: now(),
    ...overrides,
  };
}

async function addEntry(overrides: Partial<InboxEntry>): Promise<InboxEntry> {
  const entry = buildEntry(overrides);
  await db.sync_inbox.insert(entry);
  return entry;
}

/**
 * Skipped until inbox-collection.ts renames its top-level `collection` field: RxDB reserves it for
 * RxDocument.collection (dev-mode SC17; without dev-mode every insert throws "Cannot set property collection").
 */
describe('InboxRepository (needs the inbox schema fix)', () => {
  it('lists newest first, counts and removes', async () => {
    const first = await addEntry({});
    const second = await addEntry({});
    expect((await inbox.list()).map((e) => e.id)).toEqual([second.id, first.id]);
    expect(await inbox.count()).toBe(2);
    await inbox.remove(first.id);
    expect(await inbox.count()).toBe(1);
  });

  it('keeps a value another laptop overruled, with the reason, who kept which value and when each was edited', async () => {
    await inbox.addOverruled(
      {
        collection: 'deals',
        id: 'd1',
        field: 'lineItems',
        itemId: 'i1',
        key: 'quantity',
        lost: 3,
        kept: 5,
        lostAt: 1_000,
        keptAt: 2_000,
        keptBy: 'u2',
        reason: 'laterEdit',
      },
      5_000,
    );
    const [entry] = await inbox.list();
    expect(entry).toMatchObject({
      recordCollection: 'deals',
      recordId: 'd1',
      reason: 'sync.overruled.laterEdit',
      params: {
        field: 'lineItems',
        itemId: 'i1',
        key: 'quantity',
        keptBy: 'u2',
        keptAt: '2000',
        lostAt: '1000',
      },
      issues: [],
      attempted: { lineItems: 3 },
      createdAt: 5_000,
    });
  });

  it('removes a record that never reached the server from the replica', async () => {
    const created = await repos.accounts.create({ ...account, id: 'a' });
    await inbox.removeNeverSyncedRecord('accounts', created.id);
    expect(await repos.accounts.get('a')).toBeNull();
  });
});

describe('applyInboxEntry', () => {
  it('writes the typed values onto the record', async () => {
    const created = await repos.accounts.create({ ...account, id: 'a' });
    const entry = buildEntry({
      attempted: { ...created, phone: '010-12345678', teamId: 't2', updatedAt: 1 },
    });
    await applyInboxEntry(repos, inbox, entry);
    const after = await repos.accounts.get('a');
    expect(after?.phone).toBe('010-12345678');
    expect(after?.teamId).toBe('t2');
  });

  it('creates the record when it is gone from this device', async () => {
    const entry = buildEntry({
      recordId: 'gone',
      attempted: withMeta(account, {
        id: 'gone',
        workspaceId: 'w1',
        by: 'u1',
        teamId: 't1',
        at: 1,
      }),
    });
    await applyInboxEntry(repos, inbox, entry);
    expect((await repos.accounts.get('gone'))?.name).toBe(account.name);
  });

  it('refuses values that fail local validation', async () => {
    const created = await repos.accounts.create({ ...account, id: 'a' });
    const entry = buildEntry({
      reason: 'sync.rejected.validation',
      attempted: { ...created, name: '' },
    });
    await expect(applyInboxEntry(repos, inbox, entry)).rejects.toBeInstanceOf(
      RecordValidationError,
    );
  });

  it('checks the stage gate of a deal before writing', async () => {
    const deal = await repos.deals.create(buildDeal());
    const entry = buildEntry({
      recordCollection: 'deals',
      recordId: deal.id,
      reason: 'sync.rejected.stageGate',
      attempted: { ...deal, stage: 'quote' },
    });
    await expect(applyInboxEntry(repos, inbox, entry)).rejects.toBeInstanceOf(BusinessRuleError);
    expect((await repos.deals.get(deal.id))?.stage).toBe('qualify');
  });
});
