import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '@shared/rules/approval-routing';
import { buildDeal } from '../../../../test/support/factories';
import { BusinessRuleError } from '../errors';
import { openTestReplica, type TestReplica } from '../test-replica';

let replica: TestReplica;
afterEach(async () => {
  await replica?.db.close();
});

describe('QuoteRepository (issue 20)', () => {
  it('versions a quote, asks for a discount approval, sends only once approved, and freezes a sent version', async () => {
    replica = await openTestReplica();
    const { deals, quotes, settings, approvals } = replica.repos;
    const deal = await deals.create(buildDeal({ name: '报价', accountId: 'acc-1' }));
    const product = await settings.saveProduct(undefined, {
      name: '标准版许可',
      code: 'STD',
      unit: '套',
      unitPriceFen: 100_000,
      active: true,
      category: '',
    });

    const v1 = await quotes.newVersion(deal.id, 'rep');
    expect(v1).toMatchObject({ version: 1, status: 'draft', lines: [] });
    const line = {
      id: 'l1',
      productId: product.id,
      product: product.value.name,
      unit: '套',
      quantity: 1,
      unitPriceFen: 100_000,
      listPriceFen: 100_000,
      discountPercent: 0,
    };
    // Field errors name the field inside the quote; nothing is saved.
    await expect(
      quotes.saveDraft(deal.id, { ...v1, lines: [{ ...line, product: '' }] }, 'rep'),
    ).rejects.toMatchObject({ issues: [{ path: 'lines.0.product' }] });
    // 15 % off: above a rep's 10 %.
    await quotes.saveDraft(deal.id, { ...v1, lines: [line], discountPercent: 15 }, 'rep');
    let [listed] = await quotes.list(deal.id, 'rep');
    expect(listed.state).toBe('needed');
    await expect(quotes.markSent(deal.id, v1.id, 'rep')).rejects.toMatchObject({
      messageKey: 'quotes.errors.needsApproval',
    });

    const approval = await quotes.requestApproval(deal.id, v1.id, 'rep');
    // 85 000 fen + 13 % VAT = 96 050 fen.
    expect(approval).toMatchObject({
      kind: 'discount',
      subjectType: 'deal',
      subjectId: deal.id,
      subjectKey: v1.id,
      amount: 960.5,
      status: 'pending',
    });
    // Routed by the approval rules as it is made (the approvals engine), offline too.
    expect(approval.steps.length).toBeGreaterThan(0);
    [listed] = await quotes.list(deal.id, 'rep');
    expect(listed).toMatchObject({ state: 'pending', canMarkSent: false });
    expect(listed.quote).toMatchObject({ status: 'pendingApproval', approvalId: approval.id });

    // The manager decides on their laptop and the decision syncs in (a requester may not decide their own).
    const outcome = decide(approval, 'approved', 'manager-1', '', Date.now());
    if (!outcome.ok) throw new Error('the approval cannot be decided');
    await approvals.update(approval.id, outcome.changes);
    [listed] = await quotes.list(deal.id, 'rep');
    expect(listed).toMatchObject({ state: 'approved', canMarkSent: true });
    await quotes.markSent(deal.id, v1.id, 'rep');

    const sent = (await deals.get(deal.id))!.quotes[0];
    expect(sent.status).toBe('sent');
    const refused = await quotes
      .saveDraft(deal.id, { ...sent, lines: [{ ...line, quantity: 2 }] }, 'rep')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusinessRuleError);
    expect((refused as BusinessRuleError).messageKey).toBe('quotes.errors.frozen');

    // Version 2 starts from version 1 as a draft.
    const v2 = await quotes.newVersion(deal.id, 'rep');
    expect(v2).toMatchObject({ version: 2, status: 'draft', approvalId: '', discountPercent: 15 });
    expect(v2.lines).toEqual(sent.lines);
  });
});
