import { describe, expect, it } from 'vitest';
import type { Deal } from '../../shared/domain';
import { buildApproval, buildDeal, buildQuote, buildQuoteLine } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { decideApproval } from './support/approvals';

/**
 * Quotes (issue 20): a version over the rep's discount threshold may be marked sent only with an approved
 * discount approval for it (`subjectKey` = the quote); the server refuses it otherwise, through the inbox of
 * rejected changes, and a sent version is frozen.
 */
describe(`quotes on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['deals', 'approvals'] });

  it('refuses a sent version without an approved approval, and accepts it once approved', async () => {
    const teamId = await env.createTeam('East');
    const rep = await env.addUser('rep', teamId, 'quote-rep');
    const manager = await env.addUser('manager', teamId, 'quote-manager');
    const laptop = await env.connect(rep, { synced: true });

    // ¥1,000 × 2 at 15 % off (a rep may give 10 %): grand total ¥1,700.
    const draft = buildQuote({
      createdBy: rep.user.id,
      discountPercent: 15,
      lines: [buildQuoteLine({ quantity: 2 })],
    });
    const now = Date.now();
    const deal = {
      ...buildDeal({ name: '报价审批测试', accountId: 'acc-1', quotes: [draft] }),
      id: crypto.randomUUID(),
      workspaceId: rep.workspace.id,
      teamId,
      ownerId: rep.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: rep.user.id,
      updatedBy: rep.user.id,
      deleted: false,
    } as Deal;
    await laptop.db.deals.insert(deal);
    await laptop.engine.awaitInSync();
    expect(laptop.rejections).toEqual([]);

    // Marked sent without an approval: refused, with the discount and the rep's limit named.
    const sent = { ...draft, status: 'sent' as const, sentAt: Date.now() };
    const doc = await laptop.db.deals.findOne(deal.id).exec();
    await doc!.incrementalPatch({ quotes: [sent], updatedAt: Date.now() });
    await eventually(() => expect(laptop.rejections.map((r) => r.id)).toContain(deal.id));
    const rejection = laptop.rejections.find((r) => r.id === deal.id);
    expect(rejection?.reason).toBe('sync.rejected.quoteNeedsApproval');
    expect(rejection?.params).toEqual({ version: '1', discount: '15', threshold: '10' });
    const stored = await api<Deal>(
      env.server,
      'GET',
      `/api/records/deals/${deal.id}`,
      undefined,
      rep.accessToken,
    );
    expect(stored.body.quotes[0].status).toBe('draft');

    // The rep asks, the manager approves (for this version's total).
    const requested = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/approvals',
      buildApproval({
        teamId,
        ownerId: rep.user.id,
        subjectId: deal.id,
        subjectKey: draft.id,
        amount: 1700,
        requesterId: rep.user.id,
      }),
      rep.accessToken,
    );
    expect(requested.status).toBe(201);
    expect(await decideApproval(env.server, requested.body.id, manager, 'approved')).toBe(200);

    // Sent again (the REST write the app's push makes): accepted now.
    const accepted = await api<Deal>(
      env.server,
      'PATCH',
      `/api/records/deals/${deal.id}`,
      { quotes: [{ ...sent, approvalId: requested.body.id }] },
      rep.accessToken,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.quotes[0].status).toBe('sent');

    // A sent version is frozen: its lines cannot change any more.
    const edited = await api<{ error: { code: string } }>(
      env.server,
      'PATCH',
      `/api/records/deals/${deal.id}`,
      {
        quotes: [
          { ...sent, approvalId: requested.body.id, lines: [buildQuoteLine({ quantity: 9 })] },
        ],
      },
      rep.accessToken,
    );
    expect(edited.status).toBe(403);
    expect(edited.body.error.code).toBe('sync.rejected.quoteFrozen');
  });
});
