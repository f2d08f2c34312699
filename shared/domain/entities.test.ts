import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ValidationMessage } from '../validation/messages';
import {
  accountSchema,
  contactSchema,
  dealSchema,
  type Account,
  type Contact,
  type Deal,
} from './entities';
import { buildAccount, buildContact, buildDeal, withMeta } from '../../test/support/factories';
import { DEFAULT_PIPELINE_ID } from './defaults';

/** Written by the local user of the local team; each builder below sets the id. */
const meta = {
  workspaceId: 'local',
  by: 'local-user',
  teamId: 'local-team',
  at: 1_735_689_600_000,
};

// Every optional field filled, so "accepts a complete valid record" covers each one.
function completeAccount(overrides: Partial<Account> = {}): Account {
  const fields = buildAccount({
    name: '华为技术有限公司',
    nameKey: '华为技术',
    creditCode: '914403001922038216',
    industry: 'C39',
    sizeBand: '5000+',
    region: 'guangdong',
    source: 'referral',
    tier: 'A',
    status: 'customer',
    tags: ['keyAccount'],
    phone: '0755-28780808',
    website: 'https://www.huawei.com',
    address: '深圳市龙岗区坂田华为总部办公楼',
  });
  return { ...withMeta(fields, { ...meta, id: 'acc-1' }), ...overrides };
}

function completeContact(overrides: Partial<Contact> = {}): Contact {
  const fields = buildContact({
    accountId: 'acc-1',
    name: '张伟',
    title: '采购总监',
    department: '采购部',
    mobile: '13800138000',
    email: 'zhang.wei@example.com',
    wechat: 'zhangwei_88',
    decisionRole: 'decisionMaker',
    decisionPower: 'high',
    birthday: '1985-06-18',
  });
  return { ...withMeta(fields, { ...meta, id: 'con-1' }), ...overrides };
}

function completeDeal(overrides: Partial<Deal> = {}): Deal {
  const fields = buildDeal({
    name: '华为 2025 年度 CRM 采购',
    accountId: 'acc-1',
    contactId: 'con-1',
    pipelineId: DEFAULT_PIPELINE_ID,
    stage: 'quote',
    probability: 60,
    amount: 480_000,
    closeDate: '2025-09-30',
    lineItems: [
      { id: 'li-1', product: 'CRM 专业版（年）', quantity: 200, unitPrice: 2_400, discount: 0 },
    ],
    source: 'referral',
    budget: '50 万元，已立项',
    decisionMakerId: 'con-1',
    competitor: 'Salesforce',
  });
  return { ...withMeta(fields, { ...meta, id: 'deal-1' }), ...overrides };
}

/** The messages of the issues on one field; messages are ValidationMessage keys, not prose. */
function messagesAt(result: z.ZodSafeParseResult<unknown>, field: string): string[] {
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.path[0] === field)
    .map((issue) => issue.message);
}

describe('accountSchema', () => {
  it('accepts a complete valid record', () => {
    const account = completeAccount();
    expect(accountSchema.parse(account)).toEqual(account);
  });

  it('accepts empty optional list values and an empty credit code', () => {
    expect(
      accountSchema.safeParse(
        completeAccount({
          creditCode: '',
          industry: '',
          sizeBand: '',
          region: '',
          source: '',
          tier: '',
        }),
      ).success,
    ).toBe(true);
  });

  it('rejects a credit code with a wrong check character', () => {
    const result = accountSchema.safeParse(completeAccount({ creditCode: '914403001922038217' }));
    expect(result.success).toBe(false);
    expect(messagesAt(result, 'creditCode')).toEqual([ValidationMessage.creditCodeChecksum]);
  });

  it('rejects a malformed credit code', () => {
    const result = accountSchema.safeParse(completeAccount({ creditCode: '91440300192203821O' }));
    expect(messagesAt(result, 'creditCode')).toEqual([ValidationMessage.creditCodeFormat]);
  });

  it('rejects an empty name, an unknown industry and a value outside a controlled list', () => {
    const result = accountSchema.safeParse(
      completeAccount({ name: '  ', industry: 'Z99', region: 'atlantis' as Account['region'] }),
    );
    expect(messagesAt(result, 'name')).toEqual([ValidationMessage.required]);
    expect(messagesAt(result, 'industry')).toEqual([ValidationMessage.industryUnknown]);
    expect(messagesAt(result, 'region')).toEqual([ValidationMessage.notInList]);
  });
});

describe('contactSchema', () => {
  it('accepts a complete valid record', () => {
    const contact = completeContact();
    expect(contactSchema.parse(contact)).toEqual(contact);
  });

  it('rejects an invalid mobile number', () => {
    const result = contactSchema.safeParse(completeContact({ mobile: '12345678901' }));
    expect(result.success).toBe(false);
    expect(messagesAt(result, 'mobile')).toEqual([ValidationMessage.mobileFormat]);
  });

  it('rejects an invalid e-mail address', () => {
    const result = contactSchema.safeParse(completeContact({ email: 'zhang.wei@' }));
    expect(result.success).toBe(false);
    expect(messagesAt(result, 'email')).toEqual([ValidationMessage.emailFormat]);
  });

  it('rejects a malformed birthday', () => {
    const result = contactSchema.safeParse(completeContact({ birthday: '1985/06/18' }));
    expect(messagesAt(result, 'birthday')).toEqual([ValidationMessage.dateFormat]);
  });
});

describe('dealSchema', () => {
  it('accepts a complete valid record', () => {
    const deal = completeDeal();
    expect(dealSchema.parse(deal)).toEqual(deal);
  });

  it('rejects a negative amount', () => {
    const result = dealSchema.safeParse(completeDeal({ amount: -1 }));
    expect(result.success).toBe(false);
    expect(messagesAt(result, 'amount')).toEqual([ValidationMessage.amountNegative]);
  });

  it('rejects a probability of 101 (and of -1)', () => {
    expect(
      messagesAt(dealSchema.safeParse(completeDeal({ probability: 101 })), 'probability'),
    ).toEqual([ValidationMessage.probabilityRange]);
    expect(
      messagesAt(dealSchema.safeParse(completeDeal({ probability: -1 })), 'probability'),
    ).toEqual([ValidationMessage.probabilityRange]);
  });

  it('rejects a line item discount above 100 % and a negative unit price', () => {
    const result = dealSchema.safeParse(
      completeDeal({
        lineItems: [{ id: 'li-1', product: 'CRM', quantity: 1, unitPrice: -5, discount: 120 }],
      }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const byField = Object.fromEntries(
      result.error.issues.map((issue) => [issue.path.slice(2).join('.'), issue.message]),
    );
    expect(byField).toEqual({
      unitPrice: ValidationMessage.amountNegative,
      discount: ValidationMessage.percentRange,
    });
  });
});
