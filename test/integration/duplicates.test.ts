import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/validation';
import { RejectReason, type SessionResponse, type WireDoc } from '../../shared/sync';
import { buildAccount, buildLead } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/** A valid credit code of its own per call (the check character computed), so tests never share one. */
let codeSeq = 0;
function freshCode(): string {
  codeSeq += 1;
  const first17 = `91110000${String(Date.now() % 1e6).padStart(6, '0')}${String(codeSeq).padStart(3, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * 撞单 on the server (issue 19): a 统一社会信用代码 belongs to one live account per workspace, also for accounts
 * created offline and pushed later; and the online check names who else follows a company — owner and team,
 * nothing more — for records outside the caller's scope.
 */
describe(`duplicates across teams (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts', 'leads'] });

  const pusher = async (session: SessionResponse) => {
    const client = await RawPusher.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  const wire = (by: SessionResponse, teamId: string, fields: Record<string, unknown>): WireDoc => {
    const now = Date.now();
    return {
      id: `acc-${randomUUID()}`,
      workspaceId: by.workspace.id,
      teamId,
      ownerId: by.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: by.user.id,
      updatedBy: by.user.id,
      deleted: false,
      ...fields,
    };
  };
  const check = (session: SessionResponse | null, body: Record<string, unknown>) =>
    api<{ matches: Record<string, unknown>[] }>(
      env.server,
      'POST',
      '/api/duplicates/check',
      body,
      session?.accessToken,
    );

  it("refuses a second account with the same credit code made offline, naming the first one's owner", async () => {
    const east = await env.createTeam('华东销售部');
    const north = await env.createTeam('华北销售部');
    const wang = await env.addUser('rep', east, 'wang-fang');
    const li = await env.addUser('rep', north, 'li-lei');
    const code = freshCode();
    const first = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '杭州云栖数据有限公司', creditCode: code }),
      wang.accessToken,
    );
    expect(first.status).toBe(201);

    // Over REST too: 422 at the credit code, naming the owner.
    const again = await api<{ error: { code: string; message: string; issues: unknown[] } }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '杭州云栖数据第二有限公司', creditCode: code }),
      env.admin.accessToken,
    );
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({
      code: RejectReason.creditCodeTaken,
      issues: [{ path: 'creditCode', message: RejectReason.creditCodeTaken }],
    });
    expect(again.body.error.message).toContain('wang-fang, 华东销售部');

    // Li's laptop cannot see East's account: offline, nothing stops the second one locally.
    const laptop = await env.connect(li, { synced: true });
    laptop.engine.pause();
    const second = await laptop.repos.accounts.create(
      buildAccount({ name: '杭州云栖数据科技有限公司', creditCode: code.toLowerCase() }),
    );
    laptop.engine.resume();
    await eventually(() => expect(laptop.rejections.map((r) => r.id)).toContain(second.id));
    const rejection = laptop.rejections.find((r) => r.id === second.id)!;
    expect(rejection.reason).toBe(RejectReason.creditCodeTaken);
    // Owner and team named; no id of a record Li may not read.
    expect(rejection.params).toEqual({
      creditCode: code,
      ownerName: 'wang-fang',
      teamName: '华东销售部',
    });
    expect(rejection.attempted).toMatchObject({ name: '杭州云栖数据科技有限公司' });

    // Someone who can see the existing account is given its id (to open it or merge the two).
    const admin = await pusher(env.admin);
    const reply = await admin.push('accounts', [
      wire(env.admin, east, buildAccount({ name: '杭州云栖另一家有限公司', creditCode: code })),
    ]);
    expect(reply.rejected).toMatchObject([
      {
        reason: RejectReason.creditCodeTaken,
        params: { existingId: first.body.id, ownerName: 'wang-fang' },
      },
    ]);
  });

  it('within one push the second new account with a code is refused; editing the holder and merge losers are not', async () => {
    const team = env.admin.user.teamIds[0];
    const admin = await pusher(env.admin);
    const code = freshCode();
    const a = wire(env.admin, team, buildAccount({ name: '苏州甲有限公司', creditCode: code }));
    const b = wire(env.admin, team, buildAccount({ name: '苏州乙有限公司', creditCode: code }));
    const both = await admin.push('accounts', [a, b]);
    expect(both.rejected.map((r) => [r.id, r.reason])).toEqual([
      [b.id, RejectReason.creditCodeTaken],
    ]);

    // The same account (same id) keeps its code through an edit.
    const edited = await admin.pushRows('accounts', [
      {
        assumedMasterState: a,
        newDocumentState: { ...a, notes: '改了备注', updatedAt: Date.now() },
      },
    ]);
    expect(edited.rejected).toEqual([]);

    // A merge's loser (mergedIntoId set) holds no code: a new account may take it.
    const merged = { ...a, notes: '改了备注', mergedIntoId: 'acc-survivor', deleted: true };
    expect(
      (await admin.pushRows('accounts', [{ assumedMasterState: null, newDocumentState: merged }]))
        .rejected,
    ).toEqual([]);
    const c = wire(env.admin, team, buildAccount({ name: '苏州丙有限公司', creditCode: code }));
    expect((await admin.push('accounts', [c])).rejected).toEqual([]);

    // A survivor taking its loser's code in the push that merges the loser away is not refused.
    const code2 = freshCode();
    const loser = wire(
      env.admin,
      team,
      buildAccount({ name: '无锡败者有限公司', creditCode: code2 }),
    );
    const survivor = wire(env.admin, team, buildAccount({ name: '无锡胜者有限公司' }));
    expect((await admin.push('accounts', [loser, survivor])).rejected).toEqual([]);
    const merge = await admin.pushRows('accounts', [
      { assumedMasterState: survivor, newDocumentState: { ...survivor, creditCode: code2 } },
      {
        assumedMasterState: loser,
        newDocumentState: { ...loser, mergedIntoId: survivor.id, deleted: true },
      },
    ]);
    expect(merge.rejected).toEqual([]);
  });

  it("answers another team's owner and team for a company, a credit code or a mobile, and nothing else", async () => {
    const east = await env.createTeam('华东大客户部');
    const west = await env.createTeam('西南销售部');
    const wang = await env.addUser('rep', east, 'wang-fangfang');
    const zhao = await env.addUser('rep', west, 'zhao-qiang');
    const code = freshCode();
    const account = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({
        name: '成都天府软件有限公司',
        nameKey: '成都天府软件',
        creditCode: code,
        phone: '028-12345678',
        notes: '机密：报价 120 万',
      }),
      wang.accessToken,
    );
    expect(account.status).toBe(201);
    const lead = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/leads',
      buildLead({
        name: '刘洋',
        company: '重庆山城物流有限公司',
        companyKey: '重庆山城物流',
        mobile: '13912345678',
        email: 'liu@example.com',
      }),
      wang.accessToken,
    );
    expect(lead.status).toBe(201);

    const byName = await check(zhao, { name: '成都天府软件（有限公司）' });
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({
      matches: [
        { kind: 'accounts', reason: 'name', ownerName: 'wang-fangfang', teamName: '华东大客户部' },
      ],
    });
    const byCode = await check(zhao, { name: '别的名字有限公司', creditCode: code });
    expect(byCode.body.matches).toEqual([
      {
        kind: 'accounts',
        reason: 'creditCode',
        ownerName: 'wang-fangfang',
        teamName: '华东大客户部',
      },
    ]);
    const byMobile = await check(zhao, { mobile: '+86 139-1234-5678' });
    expect(byMobile.body.matches).toEqual([
      { kind: 'leads', reason: 'mobile', ownerName: 'wang-fangfang', teamName: '华东大客户部' },
    ]);
    // A lead for a company that is another team's lead (the lead form's check).
    const leadCompany = await check(zhao, { name: '重庆山城物流有限公司', mobile: '13800000000' });
    expect(leadCompany.body.matches).toEqual([
      { kind: 'leads', reason: 'name', ownerName: 'wang-fangfang', teamName: '华东大客户部' },
    ]);
    // Nothing of the records themselves crosses: no id, no other field.
    for (const answer of [byName, byCode, byMobile, leadCompany]) {
      const text = JSON.stringify(answer.body);
      for (const secret of [account.body.id, lead.body.id, '028-12345678', '机密', '刘洋', 'liu@'])
        expect(text).not.toContain(secret);
      for (const match of answer.body.matches)
        expect(Object.keys(match).sort()).toEqual(['kind', 'ownerName', 'reason', 'teamName']);
    }

    // Records in one's own scope are the replica's to find; an admin sees everything.
    expect((await check(wang, { name: '成都天府软件有限公司' })).body.matches).toEqual([]);
    expect((await check(env.admin, { name: '成都天府软件有限公司' })).body.matches).toEqual([]);
    // The record being edited is not its own duplicate; unrelated values match nothing.
    expect((await check(zhao, { name: '完全无关的公司' })).body.matches).toEqual([]);
  });

  it('answers 401 without a session and 400 naming an unknown field', async () => {
    expect((await check(null, { name: '成都天府软件有限公司' })).status).toBe(401);
    const zhou = await env.addUser('rep', await env.createTeam('东北销售部'), 'zhou-jie');
    const bad = await check(zhou, { name: '某公司', phone: '123' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('phone');
  });
});
