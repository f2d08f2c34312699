import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { targetRecordId, targetSettingKey } from '../../shared/rules/forecast';
import { api, engineName, useTestServer } from './support/harness';

interface ErrorReply {
  error: { code: string; message?: string; params?: Record<string, string> };
}

/**
 * Targets (issue 20): managers set targets for their teams and their people; a rep, or a manager naming someone
 * outside their teams, is refused with the target reason — over REST and a socket push alike (one write path).
 */
describe(`targets on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['settings', 'members'] });
  let east: string;
  let south: string;
  let manager: SessionResponse;
  let rep: SessionResponse;
  let southRep: SessionResponse;

  beforeAll(async () => {
    east = await env.createTeam('华东');
    south = await env.createTeam('华南');
    manager = await env.addUser('manager', east, 'mgr-east');
    rep = await env.addUser('rep', east, 'rep-east');
    southRep = await env.addUser('rep', south, 'rep-south');
  });

  const target = (memberId: string, teamId: string, amount: number, period = '2026-Q4') => ({
    id: targetRecordId(memberId, period),
    kind: 'target',
    key: targetSettingKey(memberId, period),
    teamId,
    value: { period, memberId, amount },
  });
  const post = (who: SessionResponse, body: unknown) =>
    api<ErrorReply & { id?: string }>(
      env.server,
      'POST',
      '/api/records/settings',
      body,
      who.accessToken,
    );

  it('lets a manager set targets for their team member and their team', async () => {
    const person = await post(manager, target(rep.user.id, east, 500_000));
    expect(person.status).toBe(201);
    const team = await post(manager, target(east, east, 2_000_000));
    expect(team.status).toBe(201);
    // The rep reads it (settings are workspace-wide).
    const read = await api<{ value: { amount: number } }>(
      env.server,
      'GET',
      `/api/records/settings/${targetRecordId(rep.user.id, '2026-Q4')}`,
      undefined,
      rep.accessToken,
    );
    expect(read.body.value.amount).toBe(500_000);
  });

  it('refuses a rep, naming the target rule', async () => {
    const refused = await post(rep, target(rep.user.id, east, 9_000_000, '2026-11'));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('sync.rejected.targetScope');
  });

  it("refuses a manager setting another team's person's target, even filed under their own team", async () => {
    for (const body of [
      target(southRep.user.id, south, 100),
      target(southRep.user.id, east, 100),
      target(south, east, 100),
    ]) {
      const refused = await post(manager, body);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toContain('sync.rejected.targetScope');
    }
    // An admin sets anyone's.
    const admin = await post(env.admin, target(southRep.user.id, south, 100));
    expect(admin.status).toBe(201);
  });
});
