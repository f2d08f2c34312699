import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CollectionName } from './entities';
import { ValidationMessage } from '../validation/messages';
import {
  COLLECTION_NAMES,
  accountSchema,
  contactSchema,
  dealSchema,
  entitySchemas,
  type Account,
  type Contact,
  type Deal,
} from './entities';
import { buildAccount, buildContact, buildDeal, withMeta } from '../../test/support/factories';
import { DEFAULT_PIPELINE_ID } from './defaults';
import { generateSampleData } from '../sample-data/generator';

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

describe('text the database cannot store', () => {
  const sample = generateSampleData({
    size: 'S',
    seed: 7,
    workspaceId: 'ws-text',
    now: Date.UTC(2025, 5, 18),
    utcOffsetMinutes: 480,
  });

  /** Every path to a string in `value` (array items and object keys included), e.g. ['lineItems', 0, 'product']. */
  function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
    if (value !== null && typeof value === 'object')
      return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
    return [];
  }

  function withTextAt(record: object, path: (string | number)[], text: string): unknown {
    const copy = structuredClone(record) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]] = text;
    return copy;
  }

  // One record per shape of string path (list items folded), so every string field of every collection,
  // nested ones (line items, payment plans, settings values) included, is tried once.
  // Sample data has no inbox marks (nobody has used an inbox yet): one written by hand.
  const handMade: Partial<Record<CollectionName, object[]>> = {
    inbox_marks: [
      {
        ...sample.record('approvals', 0),
        id: 'm_1',
        teamId: '~u-1',
        ownerId: 'u-1',
        itemKey: 'leadNoActivity:leads:lead-1:1750000000000',
        state: 'snoozed',
        snoozedUntil: Date.UTC(2025, 5, 19),
      },
    ].map(
      ({
        id,
        workspaceId,
        teamId,
        ownerId,
        createdAt,
        updatedAt,
        createdBy,
        updatedBy,
        itemKey,
        state,
        snoozedUntil,
      }) => ({
        id,
        workspaceId,
        teamId,
        ownerId,
        createdAt,
        updatedAt,
        createdBy,
        updatedBy,
        deleted: false,
        itemKey,
        state,
        snoozedUntil,
      }),
    ),
  };
  const cases = COLLECTION_NAMES.flatMap((collection) => {
    const seen = new Map<string, { record: object; path: (string | number)[] }>();
    for (const record of [...sample.records(collection, 0, 60), ...(handMade[collection] ?? [])])
      for (const path of stringPaths(record)) {
        const shape = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
        if (!seen.has(shape)) seen.set(shape, { record, path });
      }
    return [...seen.entries()].map(([shape, c]) => ({ collection, shape, ...c }));
  });

  it('finds strings to try in every collection', () => {
    expect(new Set(cases.map((c) => c.collection))).toEqual(new Set(COLLECTION_NAMES));
    expect(cases.map((c) => `${c.collection}.${c.shape}`)).toEqual(
      expect.arrayContaining(['accounts.name', 'accounts.tags.*', 'deals.lineItems.*.product']),
    );
  });

  it.each(['NUL \u0000 inside', 'lone high \ud83d', 'lone low \ude80'])(
    'rejects %j in every string field, naming the field',
    (bad) => {
      const otherReasons: string[] = [];
      for (const { collection, shape, record, path } of cases) {
        const schema = entitySchemas[collection] as z.ZodType;
        expect(schema.safeParse(record).success, `${collection} sample is valid`).toBe(true);
        const result = schema.safeParse(withTextAt(record, path, bad));
        const issues = result.success ? [] : result.error.issues;
        expect(
          issues.map((i) => i.path.join('.')),
          `${collection}.${shape}`,
        ).toEqual([path.join('.')]);
        // Free text says why; a closed list (enum, literal) refuses it as it refuses any value not in the list.
        if (issues[0].message !== ValidationMessage.unstorableText)
          otherReasons.push(`${collection}.${shape}`);
      }
      expect(otherReasons.length).toBeLessThan(cases.length / 2);
      for (const { collection, shape, record, path } of cases.filter((c) =>
        otherReasons.includes(`${c.collection}.${c.shape}`),
      )) {
        const schema = entitySchemas[collection] as z.ZodType;
        expect(
          schema.safeParse(withTextAt(record, path, 'plain text, in no list')).success,
          `${collection}.${shape} is a closed list`,
        ).toBe(false);
      }
    },
  );

  it('accepts CJK and emoji, whose surrogates come in pairs', () => {
    const account = completeAccount({ name: '🚀 火箭科技有限公司', notes: '𠮷野家 👍' });
    expect(accountSchema.safeParse(account).success).toBe(true);
  });

  it('rejects a settings value whose key cannot be stored', () => {
    const setting = sample.record('settings', 0);
    const result = entitySchemas.settings.safeParse({
      ...setting,
      value: { ...setting.value, ['bad\u0000key']: 1 },
    });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path, i.message])).toEqual([
      [['value', 'bad\u0000key'], ValidationMessage.unstorableText],
    ]);
  });
});
