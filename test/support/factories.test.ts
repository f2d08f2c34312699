import { describe, expect, it } from 'vitest';
import { missingStageFields } from '../../shared/rules';
import {
  DEFAULT_PIPELINE,
  accountSchema,
  activitySchema,
  contactSchema,
  contractSchema,
  dealSchema,
  leadSchema,
  ticketSchema,
} from '../../shared/domain';
import {
  buildAccount,
  buildActivity,
  buildBareDeal,
  buildContact,
  buildContract,
  buildDeal,
  buildLead,
  buildTicket,
  invalidCreditCode,
  validCreditCode,
  withMeta,
} from './factories';

const meta = { id: 'r1', workspaceId: 'ws1', by: 'u1' };

describe('test factories', () => {
  it('build records that pass the shared schemas', () => {
    expect(accountSchema.safeParse(withMeta(buildAccount(), meta)).error).toBeUndefined();
    expect(contactSchema.safeParse(withMeta(buildContact(), meta)).error).toBeUndefined();
    expect(dealSchema.safeParse(withMeta(buildDeal(), meta)).error).toBeUndefined();
    expect(leadSchema.safeParse(withMeta(buildLead(), meta)).error).toBeUndefined();
    expect(activitySchema.safeParse(withMeta(buildActivity(), meta)).error).toBeUndefined();
    expect(ticketSchema.safeParse(withMeta(buildTicket(), meta)).error).toBeUndefined();
    expect(contractSchema.safeParse(withMeta(buildContract(), meta)).error).toBeUndefined();
    expect(dealSchema.safeParse(buildBareDeal()).error).toBeUndefined();
  });

  it('apply overrides and give each record its own name', () => {
    expect(buildAccount({ phone: '021-1' })).toMatchObject({ phone: '021-1' });
    expect(buildAccount().name).not.toBe(buildAccount().name);
    expect(withMeta(buildAccount({ teamId: 'a' }), { ...meta, teamId: 'b' }).teamId).toBe('b');
    expect(withMeta(buildAccount({ teamId: 'a' }), meta).teamId).toBe('a');
  });

  it('make valid and invalid credit codes', () => {
    const ok = withMeta(buildAccount({ creditCode: validCreditCode() }), meta);
    const bad = withMeta(buildAccount({ creditCode: invalidCreditCode() }), meta);
    expect(accountSchema.safeParse(ok).success).toBe(true);
    expect(accountSchema.safeParse(bad).error?.issues[0]?.path).toEqual(['creditCode']);
  });

  it('build a bare deal that no later stage gate lets in yet', () => {
    const quote = DEFAULT_PIPELINE.stages.find((s) => s.id === 'quote');
    expect(quote && missingStageFields(buildBareDeal(), quote)).toEqual([
      'amount',
      'closeDate',
      'budget',
      'decisionMakerId',
      'competitor',
    ]);
    expect(buildBareDeal({ stage: 'quote', updatedAt: 5 })).toMatchObject({
      stage: 'quote',
      updatedAt: 5,
    });
  });
});
