import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  entitySchemas,
  settingValueSchemas,
  type CollectionName,
  type EntityByCollection,
  type Member,
} from '../domain/entities';
import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  LOCAL_TEAM_ID,
  LOCAL_USER_ID,
  LOCAL_WORKSPACE_ID,
  RANK_STEP,
} from '../domain/defaults';
import { LOGGED_ACTIVITY_TYPES, TICKET_STATUSES } from '../domain/lists';
import { companyNameKey } from '../validation/company-name';
import { isValidCreditCode } from '../validation/credit-code';
import { lineItemsTotal } from '../rules/deal-math';
import { missingStageFields } from '../rules/stage-gate';
import { overduePlanItems } from '../rules/contract-math';
import {
  SAMPLE_COLLECTION_ORDER,
  SAMPLE_SIZES,
  generateSampleData,
  type SampleData,
  type SampleDataOptions,
} from './generator';
import { Random, weightedTable } from './random';
import { BRAND_FIRST, BRAND_SECOND, INDUSTRY_WORDS } from './vocab';

// 2025-06-18 11:00 in China (UTC+8); the offset is fixed so the output does not depend on the test machine.
const NOW = Date.UTC(2025, 5, 18, 3, 0);
const BASE: SampleDataOptions = {
  size: 'S',
  seed: 42,
  workspaceId: 'ws-test',
  now: NOW,
  utcOffsetMinutes: 480,
};

type AllRecords = { [K in CollectionName]: EntityByCollection[K][] };

function collect(data: SampleData): AllRecords {
  const out = {} as Record<CollectionName, unknown[]>;
  for (const collection of COLLECTION_NAMES) {
    const records: unknown[] = [];
    for (const batch of data.batches(collection, 700)) records.push(...batch);
    out[collection] = records;
  }
  return out as AllRecords;
}

/** A cheap fingerprint of a whole collection (FNV-1a over its JSON), so comparing runs needs no second copy. */
function fingerprint(data: SampleData, collection: CollectionName): string {
  let h = 0x811c9dc5;
  let n = 0;
  for (const record of data.records(collection)) {
    const text = JSON.stringify(record);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    n++;
  }
  return `${n}:${(h >>> 0).toString(16)}`;
}

const setS = generateSampleData(BASE);
const all = collect(setS);
const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));
const accounts = byId(all.accounts);
const contacts = byId(all.contacts);
const deals = byId(all.deals);
const contracts = byId(all.contracts);
const tickets = byId(all.tickets);
const leads = byId(all.leads);
const users = new Set(all.members.filter((m) => m.kind === 'user').map((m) => m.id));
const teams = new Set(all.members.filter((m) => m.kind === 'team').map((m) => m.id));

describe('random', () => {
  it('is deterministic and within range', () => {
    const a = new Random(7);
    const b = new Random(7);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const r = new Random(1);
    const table = weightedTable([
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ] as const);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const v = r.int(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
      seen.add(r.weighted(table));
    }
    expect([...seen].sort()).toEqual(['a', 'c']);
  });
});

describe('vocabulary', () => {
  it('has distinct brand characters so every brand pair is a different string', () => {
    const first = BRAND_FIRST.map((s) => s[0]);
    const second = BRAND_SECOND.map((s) => s[0]);
    expect(new Set(first).size).toBe(first.length);
    expect(new Set(second).size).toBe(second.length);
    expect(first.filter((c) => second.includes(c))).toEqual([]);
    // Enough Chinese name combinations for set L (85% of 100k accounts + 100k lead companies).
    expect(first.length * second.length * INDUSTRY_WORDS.length).toBeGreaterThan(170_000);
  });
});

describe('generateSampleData', () => {
  it('matches the size table', () => {
    expect(SAMPLE_SIZES.S).toMatchObject({
      accounts: 1000,
      contacts: 2000,
      leads: 1000,
      deals: 1000,
      tickets: 500,
      activities: 5000,
      contracts: 300,
      approvals: 10,
    });
    expect(SAMPLE_SIZES.M.accounts).toBe(10_000);
    expect(SAMPLE_SIZES.L.activities).toBe(500_000);
    for (const [collection, count] of Object.entries(SAMPLE_SIZES.S)) {
      expect(all[collection as CollectionName]).toHaveLength(count);
      expect(setS.counts[collection as CollectionName]).toBe(count);
    }
    expect(all.members).toHaveLength(15);
    expect(SAMPLE_COLLECTION_ORDER.slice().sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('builds the team tree, the default pipeline and saved filters', () => {
    const teamRecords = all.members.filter((m) => m.kind === 'team');
    const top = teamRecords.filter((t) => t.parentTeamId === '');
    expect(top).toHaveLength(1);
    const regions = teamRecords.filter((t) => t.parentTeamId === top[0].id);
    expect(regions.map((t) => t.name)).toEqual(['华北区', '华东区', '华南区']);
    for (const team of teamRecords) {
      const members = all.members.filter((m) => m.kind === 'user' && m.teamId === team.id);
      expect(members.length >= 2 && members.length <= 3).toBe(true);
    }
    expect(new Set(all.members.map((m) => m.role))).toEqual(
      new Set(['', 'rep', 'manager', 'admin']),
    );
    const pipeline = all.settings.find((s) => s.kind === 'pipeline');
    expect(pipeline?.key).toBe(DEFAULT_PIPELINE_ID);
    expect(pipeline?.value).toEqual(DEFAULT_PIPELINE);
    expect(all.settings.filter((s) => s.kind === 'savedFilter').length).toBeGreaterThanOrEqual(2);
    // Every user owns something.
    const owners = new Set(all.accounts.map((a) => a.ownerId));
    for (const m of all.members)
      if (m.kind === 'user' && m.role !== 'admin') expect(owners.has(m.id)).toBe(true);
  });

  it('gives the same output for the same seed and a different one for another seed', () => {
    const again = generateSampleData(BASE);
    const other = generateSampleData({ ...BASE, seed: 43 });
    for (const collection of COLLECTION_NAMES) {
      expect(fingerprint(again, collection)).toBe(fingerprint(setS, collection));
    }
    for (const collection of ['accounts', 'contacts', 'deals', 'activities'] as const) {
      expect(fingerprint(other, collection)).not.toBe(fingerprint(setS, collection));
    }
    const otherNames = new Set([...other.records('accounts')].map((a) => a.name));
    expect(all.accounts.filter((a) => otherNames.has(a.name)).length).toBeLessThan(50);
  });

  it('produces records that pass their zod schemas', () => {
    for (const collection of COLLECTION_NAMES) {
      const schema = entitySchemas[collection];
      for (const record of all[collection]) {
        const result = schema.safeParse(record);
        if (!result.success) {
          throw new Error(
            `${collection} ${(record as { id: string }).id} fails: ${JSON.stringify(result.error.issues)}\n${JSON.stringify(record)}`,
          );
        }
      }
    }
    for (const setting of all.settings) {
      const result = settingValueSchemas[setting.kind].safeParse(setting.value);
      expect(result.success, `${setting.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  }, 30_000);

  it('uses ids derived from indexes, unique per collection, and random access agrees with streaming', () => {
    expect(all.accounts[123].id).toBe('acc-000123');
    expect(setS.id('activities', 4999)).toBe('act-004999');
    for (const collection of COLLECTION_NAMES) {
      const ids = all[collection].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      ids.forEach((id, i) => expect(setS.id(collection, i)).toBe(id));
    }
    for (const [collection, index] of [
      ['accounts', 777],
      ['contacts', 1500],
      ['deals', 999],
      ['contracts', 150],
      ['tickets', 3],
      ['leads', 640],
      ['activities', 4321],
      ['approvals', 9],
    ] as const) {
      expect(setS.record(collection, index)).toEqual(all[collection][index]);
    }
    expect(() => setS.record('accounts', 1000)).toThrow(RangeError);
    const first = setS.record('accounts', 0);
    first.name = 'changed';
    expect(setS.record('accounts', 0).name).not.toBe('changed');
  });

  it('references existing records consistently', () => {
    for (const m of all.members) {
      expect(m.workspaceId).toBe('ws-test');
      if (m.kind === 'user') expect(teams.has(m.teamId)).toBe(true);
      if (m.parentTeamId) expect(teams.has(m.parentTeamId)).toBe(true);
    }
    const checkMeta = (
      r: {
        ownerId: string;
        teamId: string;
        createdAt: number;
        updatedAt: number;
        workspaceId: string;
      },
      allowNoOwner = false,
    ) => {
      expect(r.workspaceId).toBe('ws-test');
      if (!(allowNoOwner && r.ownerId === '')) expect(users.has(r.ownerId)).toBe(true);
      expect(teams.has(r.teamId)).toBe(true);
      expect(r.createdAt).toBeLessThanOrEqual(r.updatedAt);
      expect(r.updatedAt).toBeLessThanOrEqual(NOW);
    };
    for (const c of all.contacts) {
      checkMeta(c);
      expect(accounts.has(c.accountId)).toBe(true);
    }
    for (const d of all.deals) {
      checkMeta(d);
      expect(accounts.has(d.accountId)).toBe(true);
      if (d.contactId) expect(contacts.get(d.contactId)?.accountId).toBe(d.accountId);
      if (d.decisionMakerId) expect(contacts.get(d.decisionMakerId)?.accountId).toBe(d.accountId);
    }
    for (const c of all.contracts) {
      checkMeta(c);
      expect(accounts.has(c.accountId)).toBe(true);
      if (c.dealId) {
        expect(deals.get(c.dealId)?.accountId).toBe(c.accountId);
        expect(deals.get(c.dealId)?.status).toBe('won');
      }
    }
    expect(all.contracts.filter((c) => c.dealId).length).toBeGreaterThan(100);
    for (const t of all.tickets) {
      checkMeta(t);
      expect(accounts.has(t.accountId)).toBe(true);
      if (t.contactId) expect(contacts.get(t.contactId)?.accountId).toBe(t.accountId);
      if (t.assigneeId) expect(users.has(t.assigneeId)).toBe(true);
    }
    for (const l of all.leads) {
      checkMeta(l, true);
      if (l.status === 'converted') {
        expect(accounts.get(l.convertedAccountId)?.name).toBe(l.company);
        if (l.convertedContactId)
          expect(contacts.get(l.convertedContactId)?.accountId).toBe(l.convertedAccountId);
        if (l.convertedDealId)
          expect(deals.get(l.convertedDealId)?.accountId).toBe(l.convertedAccountId);
      } else {
        expect([l.convertedAccountId, l.convertedContactId, l.convertedDealId]).toEqual([
          '',
          '',
          '',
        ]);
      }
    }
    const targets: Record<string, Map<string, { id: string }>> = {
      account: accounts,
      contact: contacts,
      deal: deals,
      contract: contracts,
      ticket: tickets,
      lead: leads,
    };
    for (const a of all.activities) {
      checkMeta(a);
      expect(
        targets[a.relatedType]?.has(a.relatedId),
        `${a.id} → ${a.relatedType} ${a.relatedId}`,
      ).toBe(true);
      if (a.relatedType === 'lead') {
        expect(a.accountId).toBe(leads.get(a.relatedId)!.convertedAccountId);
      } else {
        expect(accounts.has(a.accountId)).toBe(true);
        const related = targets[a.relatedType].get(a.relatedId) as {
          id: string;
          accountId?: string;
        };
        expect(related.accountId ?? related.id).toBe(a.accountId);
      }
    }
    for (const p of all.approvals) {
      checkMeta(p);
      expect(targets[p.subjectType]?.has(p.subjectId)).toBe(true);
      expect(users.has(p.requesterId)).toBe(true);
      if (p.status !== 'pending') expect(users.has(p.decidedBy)).toBe(true);
    }
  });

  it('follows the domain rules (names, codes, pipeline, money)', () => {
    const keys = new Map<string, number>();
    for (const a of all.accounts) {
      expect(a.nameKey).toBe(companyNameKey(a.name));
      if (a.creditCode)
        expect(isValidCreditCode(a.creditCode) && a.creditCode.startsWith('91')).toBe(true);
      keys.set(a.nameKey, (keys.get(a.nameKey) ?? 0) + 1);
    }
    // Near-duplicates (same company, different spelling) are rare but present.
    const duplicated = [...keys.values()].filter((n) => n > 1).length;
    expect(duplicated).toBeGreaterThanOrEqual(1);
    expect(duplicated).toBeLessThanOrEqual(15);
    const dupNames = all.accounts.filter((a) => keys.get(a.nameKey)! > 1).map((a) => a.name);
    expect(new Set(dupNames).size).toBe(dupNames.length);
    const english = all.accounts.filter((a) => /^[\x20-\x7e]+$/.test(a.name)).length;
    // 3 in every 20 companies are English (near-duplicates take their original's language).
    expect(english).toBeGreaterThanOrEqual(140);
    expect(english).toBeLessThanOrEqual(160);

    for (const l of all.leads) expect(l.companyKey).toBe(companyNameKey(l.company));
    for (const c of [...all.contacts, ...all.leads]) {
      expect(c.email).toBe(c.email.toLowerCase());
      if (c.mobile) expect(c.mobile).toMatch(/^1[3-9]\d{9}$/);
    }
    const mobiles = all.contacts.map((c) => c.mobile).filter(Boolean);
    expect(new Set(mobiles).size).toBe(mobiles.length);

    const stages = new Map(DEFAULT_PIPELINE.stages.map((s) => [s.id, s]));
    const order = DEFAULT_PIPELINE.stages.map((s) => s.id);
    const seenStages = new Set<string>();
    for (const d of all.deals) {
      const stage = stages.get(d.stage)!;
      seenStages.add(d.stage);
      expect(d.pipelineId).toBe(DEFAULT_PIPELINE_ID);
      expect(d.status).toBe(stage.outcome);
      expect(d.probability).toBe(stage.probability);
      expect(d.rank % RANK_STEP).toBe(0);
      expect(d.amount).toBeGreaterThan(0);
      if (d.lineItems.length > 0) expect(d.amount).toBe(lineItemsTotal(d.lineItems));
      // A deal has passed the gates of its stage and, unless lost, of every stage before it.
      const passed =
        d.status === 'lost'
          ? [stage]
          : order.slice(0, order.indexOf(d.stage) + 1).map((id) => stages.get(id)!);
      for (const s of passed)
        expect(missingStageFields(d, s), `${d.id} at ${d.stage} missing for ${s.id}`).toEqual([]);
      if (d.status === 'open') expect(d.closeDate >= '2025-05-01').toBe(true);
      else expect(d.closeDate <= setS.today).toBe(true);
    }
    expect([...seenStages].sort()).toEqual([...order].sort());

    let overdue = 0;
    let paid = 0;
    for (const c of all.contracts) {
      const planned = c.paymentPlan.reduce((sum, p) => sum + Math.round(p.amount * 100), 0);
      if (c.paymentPlan.length > 0) expect(planned).toBe(Math.round(c.amount * 100));
      const planIds = new Set(c.paymentPlan.map((p) => p.id));
      for (const p of c.payments) expect(planIds.has(p.planItemId)).toBe(true);
      if (c.status === 'draft') expect(c.payments).toEqual([]);
      if (c.startDate && c.endDate) expect(c.startDate < c.endDate).toBe(true);
      if (overduePlanItems(c, setS.today).length > 0) overdue++;
      if (c.payments.length > 0) paid++;
    }
    expect(overdue).toBeGreaterThan(10);
    expect(paid).toBeGreaterThan(150);
    expect(new Set(all.contracts.map((c) => c.status))).toEqual(
      new Set(['draft', 'active', 'expired', 'terminated']),
    );

    expect(new Set(all.tickets.map((t) => t.status))).toEqual(new Set(TICKET_STATUSES));
    for (const t of all.tickets) {
      if (t.status === 'resolved' || t.status === 'closed')
        expect(t.resolvedAt).toBeGreaterThanOrEqual(t.firstResponseAt!);
      if (t.status === 'new') expect(t.firstResponseAt).toBeUndefined();
    }
    expect(new Set(all.approvals.map((a) => a.kind)).size).toBeGreaterThanOrEqual(2);
  });

  it('makes "My day" meaningful: tasks overdue, due today and upcoming around now', () => {
    expect(setS.today).toBe('2025-06-18');
    expect(new Set(all.activities.map((a) => a.type))).toEqual(new Set(LOGGED_ACTIVITY_TYPES));
    const tasks = all.activities.filter((a) => a.type === 'task');
    const open = tasks.filter((t) => !t.done && !t.deleted);
    const overdue = open.filter((t) => t.dueDate < setS.today);
    const today = open.filter((t) => t.dueDate === setS.today);
    const upcoming = open.filter((t) => t.dueDate > setS.today);
    expect(overdue.length).toBeGreaterThan(50);
    expect(today.length).toBeGreaterThan(20);
    expect(upcoming.length).toBeGreaterThan(100);
    expect(tasks.filter((t) => t.done).every((t) => t.doneAt !== undefined)).toBe(true);
    for (const t of tasks) expect(t.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const a of all.activities.filter((x) => x.type !== 'task')) {
      expect(a.dueDate).toBe('');
      expect(a.occurredAt).toBeLessThanOrEqual(NOW);
    }
    // Every rep has something today or overdue.
    const owners = new Set([...overdue, ...today].map((t) => t.ownerId));
    for (const m of all.members)
      if (m.kind === 'user' && m.role === 'rep') expect(owners.has(m.id)).toBe(true);
  });

  it('works with the local user as the only member, custom counts and an id prefix', () => {
    const local: Member = {
      id: LOCAL_USER_ID,
      workspaceId: LOCAL_WORKSPACE_ID,
      teamId: LOCAL_TEAM_ID,
      ownerId: LOCAL_USER_ID,
      createdAt: NOW - 1000,
      updatedAt: NOW - 1000,
      createdBy: LOCAL_USER_ID,
      updatedBy: LOCAL_USER_ID,
      deleted: false,
      kind: 'user',
      name: '我',
      email: '',
      role: 'admin',
      parentTeamId: LOCAL_TEAM_ID,
      teamIds: [LOCAL_TEAM_ID],
      active: true,
    };
    const data = generateSampleData({
      size: {
        accounts: 40,
        contacts: 25,
        deals: 30,
        contracts: 5,
        tickets: 8,
        leads: 12,
        activities: 200,
        approvals: 3,
      },
      seed: 9,
      workspaceId: LOCAL_WORKSPACE_ID,
      now: NOW,
      members: [local],
      idPrefix: 'demo-',
    });
    const records = collect(data);
    expect(records.members).toEqual([local]);
    expect(records.accounts[0].id).toBe('demo-acc-000000');
    const ids = new Set(COLLECTION_NAMES.flatMap((c) => records[c].map((r) => r.id)));
    for (const collection of COLLECTION_NAMES) {
      for (const record of records[collection]) {
        const result = entitySchemas[collection].safeParse(record);
        expect(result.success, `${record.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
        const r = record as { ownerId: string; teamId: string };
        if (collection !== 'members') expect([LOCAL_USER_ID, '']).toContain(r.ownerId);
        expect(r.teamId).toBe(LOCAL_TEAM_ID);
      }
    }
    for (const d of records.deals) {
      expect(ids.has(d.accountId)).toBe(true);
      if (d.contactId) expect(ids.has(d.contactId)).toBe(true);
    }
    expect(() => generateSampleData({ ...BASE, size: { contacts: 1 } })).toThrow(RangeError);
  });

  it('streams set L without materializing it', () => {
    const large = generateSampleData({ ...BASE, size: 'L' });
    expect(large.counts.accounts).toBe(100_000);
    expect(large.counts.activities).toBe(500_000);
    const first = large.batches('activities', 500).next();
    expect(first.done).toBe(false);
    expect(first.value).toHaveLength(500);
    const tail = [...large.records('accounts', 99_990)];
    expect(tail.map((a) => a.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `acc-0${99_990 + i}`),
    );
    const lastActivity = large.record('activities', 499_999);
    expect(activitySchemaPasses(lastActivity)).toBe(true);
    const batches = large.allBatches(2000);
    const firstBatch = batches.next().value;
    expect(firstBatch?.collection).toBe('members');
  }, 30_000);
});

function activitySchemaPasses(record: unknown): boolean {
  return entitySchemas.activities.safeParse(record).success;
}
