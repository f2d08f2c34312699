import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORING, LEAD_SCORING_KEY } from '@shared/domain';
import { buildActivity, buildLead, withMeta } from '../../../test/support/factories';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrations';
import type { Sql } from '../db/sql';
import { ChangeBus } from '../fanout';
import { RecordStore } from './record-store';
import { withLeadScore } from './lead-scoring';
import { principal, pushRow, WORKSPACE } from './test-fixtures';
import type { Entity } from './types';

/** A lead pushed by the rep of team-a: website (10) + mobile (10) under the default rules = 20. */
function lead(id: string, overrides: Record<string, unknown> = {}): Entity {
  const fields = buildLead({
    name: '赵敏',
    company: '',
    mobile: '13800138000',
    source: 'website',
    score: 0,
    qualification: '',
  });
  return {
    ...withMeta(fields, { id, workspaceId: WORKSPACE, by: 'u-rep', teamId: 'team-a', at: 1_000 }),
    ...overrides,
  };
}

describe('withLeadScore', () => {
  const scoring = { rules: DEFAULT_LEAD_SCORING, recentContacts: new Map([['l-1', 2]]) };
  it('scores leads with their recent contacts, and leaves other collections and unscored pushes alone', () => {
    // 20 + 2 calls × 10 = 40: exactly the MQL line.
    expect(withLeadScore('leads', lead('l-1'), scoring)).toMatchObject({
      score: 40,
      qualification: 'mql',
    });
    const account = lead('a-1');
    expect(withLeadScore('accounts', account, scoring)).toBe(account);
    expect(withLeadScore('leads', account, null)).toBe(account);
  });
});

describe('the write path scores pushed leads (PGlite)', { timeout: 60_000 }, () => {
  let sql: Sql;
  let store: RecordStore;
  const rep = principal();
  const admin = principal({ userId: 'u-admin', role: 'admin' });
  const teamA = new Set(['team-a']);

  beforeAll(async () => {
    sql = await openDatabase({});
    await migrate(sql);
    store = new RecordStore(sql, new ChangeBus(sql));
  }, 60_000);
  afterAll(async () => {
    await sql.close();
  });

  it('a lead pushed without a score (a capture or REST client) is stored with the shared rule’s', async () => {
    const result = await store.push(rep, teamA, 'leads', [pushRow(lead('l-1'))]);
    expect(result.written).toBe(1);
    expect(await store.get(rep, teamA, 'leads', 'l-1')).toMatchObject({
      score: 20,
      qualification: '',
    });
  });

  it('counts the lead’s recent calls when it is pushed again', async () => {
    const now = Date.now();
    const calls = [1, 2].map((n) =>
      pushRow(
        withMeta(
          buildActivity({ relatedType: 'lead', relatedId: 'l-1', occurredAt: now - n * 3_600_000 }),
          { id: `call-${n}`, workspaceId: WORKSPACE, by: 'u-rep', teamId: 'team-a', at: now },
        ),
      ),
    );
    expect((await store.push(rep, teamA, 'activities', calls)).written).toBe(2);
    const before = await store.get(rep, teamA, 'leads', 'l-1');
    await store.push(rep, teamA, 'leads', [
      pushRow(lead('l-1', { ...before, title: '采购经理', updatedAt: now }), before),
    ]);
    // 20 + title 5 + 2 calls × 10 = 45: an MQL.
    expect(await store.get(rep, teamA, 'leads', 'l-1')).toMatchObject({
      score: 45,
      qualification: 'mql',
    });
  });

  it('keeps a typed score when the workspace turned scoring off', async () => {
    const setting = withMeta(
      {
        kind: 'leadScoring' as const,
        key: LEAD_SCORING_KEY,
        value: { ...DEFAULT_LEAD_SCORING, enabled: false },
      },
      { id: `${WORKSPACE}:${LEAD_SCORING_KEY}`, workspaceId: WORKSPACE, by: 'u-admin', at: 1_000 },
    );
    expect((await store.push(admin, 'all', 'settings', [pushRow(setting)])).written).toBe(1);
    await store.push(rep, teamA, 'leads', [pushRow(lead('l-2', { score: 77 }))]);
    expect(await store.get(rep, teamA, 'leads', 'l-2')).toMatchObject({ score: 77 });
  });
});
