import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, Activity, Contact, Deal, Lead, Member } from '@shared/domain';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID } from '@shared/domain';
import { guessMapping, type ImportKind } from '@shared/import/header-guess';
import { mappedFields } from '@shared/import/validate-rows';
import {
  buildAccount,
  buildActivity,
  buildContact,
  buildDeal,
  buildLead,
  uniqueEmail,
  uniqueMobile,
  validCreditCode,
} from '../../../../test/support/factories';
import { i18n, LANGUAGES, type Language } from '../../i18n';
import { accountExports } from '../../entities/accounts/account-exports';
import { activityExports } from '../../entities/activities/activity-exports';
import { contactExports } from '../../entities/contacts/contact-exports';
import { dealExports } from '../../entities/deals/deal-exports';
import { leadExports } from '../../entities/leads/lead-exports';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import {
  buildExport,
  type ExportColumn,
  type ExportFormat,
} from '../../data/services/export/table-export';
import { analyzeImport, importContext } from '../../data/services/import/import-analysis';
import { ImportJob } from '../../data/services/import/import-job';
import { importHeaderLabels } from '../../data/services/import/import-labels';
import { ImportService } from '../../data/services/import/import-service';

// Issue 17 "Round trip: an exported list imports back with no change": the accounts, contacts, leads, deals and activities lists'
// own export columns (features/*/…-exports.ts) written by the real export code, read by the real parser,
// mapped by the wizard's guesses, checked and planned by the wizard's ImportJob, and imported with "update
// existing" — no field changes, and no record is even rewritten (its updatedAt stays, nothing to sync).

const ACTOR = { userId: 'u1', workspaceId: 'w1', teamId: 't1' };
function columnsOf<T>(specs: Record<string, Omit<ExportColumn<T>, 'key'>>): ExportColumn<T>[] {
  return Object.entries(specs).map(([key, spec]) => ({ key, ...spec }));
}

/** The blob's bytes, through jsdom's FileReader (its Blob is not the one Node's Response reads). */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}

// The first XLSX case loads exceljs, which takes seconds on a busy 2-core machine.
describe('export → import round trip', { timeout: 30_000 }, () => {
  let db: CrmDatabase;
  let repos: Repositories;
  let users: Map<string, Member>;

  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
    const me = await repos.members.create({
      id: 'u1',
      kind: 'user',
      name: '林晓',
      email: 'lin@example.com',
      role: 'rep',
      parentTeamId: '',
      teamIds: ['t1'],
      active: true,
    });
    users = new Map([[me.id, me]]);
  });
  afterEach(async () => {
    await db.close();
  });

  /** Exports `rows` with `columns`, imports the file back with every duplicate group set to update. */
  async function roundTrip<T>(
    kind: ImportKind,
    columns: ExportColumn<T>[],
    rows: T[],
    format: ExportFormat,
  ) {
    const built = await buildExport({ columns, rows, format, fileName: 'list' });
    const job = ImportJob.open({ worker: false });
    try {
      const table = await job.parse(built.fileName, await bytesOf(built.blob));
      expect(table.rowCount).toBe(rows.length);
      const mapping = guessMapping(kind, table.headers, importHeaderLabels(kind));
      const analysis = await analyzeImport(job, await importContext(repos, kind, ACTOR), {
        mapping,
        valueOverrides: {},
      });
      expect(analysis.issues).toEqual([]);
      // Every row finds the one record it came from.
      expect(analysis.groups.map((g) => g.existingIds.length)).toEqual(rows.map(() => 1));
      const plan = await job.plan(analysis.groups.map((g) => ({ ...g, action: 'update' })));
      expect(plan.createCount).toBe(0);
      const summary = await new ImportService(repos).write(kind, job.streamedPlan(plan), {
        updateFields: mappedFields(mapping),
      });
      expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: rows.length, failed: 0 });
      return { headers: table.headers, mapping };
    } finally {
      job.close();
    }
  }

  describe.each(
    LANGUAGES.flatMap((language) => (['csv', 'xlsx'] as const).map((f) => [language, f] as const)),
  )('%s %s', (language: Language, format: ExportFormat) => {
    const t = i18n.getFixedT(language);

    it('accounts: every exported column maps back and no field changes', async () => {
      const created: Account[] = [];
      for (const fields of [
        buildAccount({
          creditCode: validCreditCode(),
          industry: 'I65',
          region: 'guangdong',
          status: 'customer',
          tags: ['keyAccount', '政府客户'],
        }),
        buildAccount({ industry: 'C', region: 'beijing', status: 'partner', tags: ['renewal'] }),
        buildAccount({ status: 'prospect' }),
      ])
        created.push(await repos.accounts.create(fields));
      const columns = columnsOf(accountExports(t, language, users));
      const { mapping } = await roundTrip('accounts', columns, created, format);
      // Only the update time has no field to go to.
      expect(mapping).toEqual(['name', 'industry', 'region', 'status', 'tags', 'ownerId', null]);
      for (const before of created) expect(await repos.accounts.get(before.id)).toEqual(before);
    });

    it('contacts: every exported column maps back and no field changes', async () => {
      const account = await repos.accounts.create(buildAccount());
      const created: Contact[] = [];
      for (const fields of [
        buildContact({
          accountId: account.id,
          mobile: uniqueMobile(),
          email: uniqueEmail(),
          title: '采购经理',
          decisionRole: 'economicBuyer',
        }),
        buildContact({ accountId: account.id, mobile: uniqueMobile(), decisionRole: '' }),
      ])
        created.push(await repos.contacts.create(fields));
      const columns = columnsOf(contactExports(t, users, () => false));
      const { mapping } = await roundTrip('contacts', columns, created, format);
      expect(mapping).toEqual(['name', 'title', 'mobile', 'email', 'decisionRole', 'ownerId']);
      for (const before of created) expect(await repos.contacts.get(before.id)).toEqual(before);
    });

    it('leads: every exported column maps back and no field changes, unowned leads included', async () => {
      const created: Lead[] = [];
      for (const fields of [
        buildLead({ source: 'referral', status: 'contacted', score: 35, mobile: uniqueMobile() }),
        buildLead({ source: 'event', status: 'qualified', score: 80, company: '' }),
        { ...buildLead({ source: 'website', status: 'new', score: 0 }), ownerId: '' },
      ])
        created.push(await repos.leads.create(fields));
      const columns = columnsOf(leadExports(t, users, () => false));
      const { mapping } = await roundTrip('leads', columns, created, format);
      // The last-activity and update times have no field to go to.
      expect(mapping).toEqual([
        'name',
        'company',
        'mobile',
        'source',
        'status',
        'score',
        'ownerId',
        null,
        null,
      ]);
      for (const before of created) expect(await repos.leads.get(before.id)).toEqual(before);
    });
    it('deals: every exported column maps back and no field changes, won and account-less deals included', async () => {
      const account = await repos.accounts.create(buildAccount());
      const created: Deal[] = [];
      for (const fields of [
        buildDeal({
          accountId: account.id,
          stage: 'proposal',
          probability: 40,
          amount: 1_234_567.89,
          closeDate: '2027-03-15',
        }),
        // The same name at another account is another deal.
        buildDeal({
          name: '年度续约',
          accountId: account.id,
          stage: 'negotiation',
          probability: 80,
        }),
        buildDeal({
          name: '年度续约',
          stage: 'won',
          status: 'won',
          probability: 100,
          amount: 0,
          closeDate: '',
        }),
      ])
        created.push(await repos.deals.create(fields));
      const names = new Map([[account.id, account.name]]);
      const { specs } = dealExports(t, {
        users,
        hides: () => false,
        accountName: (d) => names.get(d.accountId) ?? '',
        pipelines: new Map([[DEFAULT_PIPELINE_ID, DEFAULT_PIPELINE]]),
      });
      const { mapping } = await roundTrip('deals', columnsOf(specs), created, format);
      // The last-activity and update times and the forecast category have no field to go to.
      expect(mapping).toEqual([
        'name',
        'accountName',
        'stage',
        'status',
        'amount',
        'probability',
        'closeDate',
        'ownerId',
        null,
        null,
        null,
      ]);
      for (const before of created) expect(await repos.deals.get(before.id)).toEqual(before);
    });
    it('activities: every exported column maps back and no field changes, times to the second included', async () => {
      const account = await repos.accounts.create(buildAccount());
      const created: Activity[] = [];
      const at = new Date(2026, 11, 7, 9, 30, 42, 123).getTime();
      for (const fields of [
        buildActivity({
          type: 'visit',
          subject: '现场拜访',
          accountId: account.id,
          relatedType: 'account',
          relatedId: account.id,
          occurredAt: at,
          body: '介绍了方案',
          outcome: '客户认可',
          nextStep: '发送报价',
        }),
        buildActivity({
          type: 'task',
          subject: 'Send the quote',
          accountId: account.id,
          relatedType: 'account',
          relatedId: account.id,
          occurredAt: at,
          dueDate: '2026-12-11',
          done: true,
        }),
        buildActivity({ type: 'call', subject: '电话回访', occurredAt: at - 86_400_000 }),
      ])
        created.push(await repos.activities.create(fields));
      const names = new Map([[account.id, account.name]]);
      const specs = activityExports(t, users, (a) => names.get(a.accountId) ?? '');
      const { mapping } = await roundTrip('activities', columnsOf(specs), created, format);
      expect(mapping).toEqual([
        'subject',
        'type',
        'accountName',
        'occurredAt',
        'body',
        'outcome',
        'nextStep',
        'dueDate',
        'done',
        'ownerId',
      ]);
      for (const before of created) expect(await repos.activities.get(before.id)).toEqual(before);
    });
  });
});
