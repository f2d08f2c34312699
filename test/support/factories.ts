import type {
  Account,
  Activity,
  Approval,
  Quote,
  QuoteLine,
  Contact,
  Contract,
  Deal,
  Lead,
  RecordMeta,
  Ticket,
} from '../../shared/domain';
import { creditCodeCheckChar } from '../../shared/validation/credit-code';
import { withDerivedFields } from '../../shared/rules/derived-fields';

/**
 * Test data, built once for every suite (integration tests, journeys, benches): each builder returns the
 * entity fields of one collection with defaults that pass the shared zod schema (factories.test.ts checks
 * that), so a test names only what it is about. Typed from `shared/domain`, so a new required field breaks
 * the build here, in one place, instead of in every test that wrote the record out by hand.
 */

/** The fields a caller gives when creating a record (the repositories and `POST /api/records` add the meta). */
type FieldsOf<T> = Omit<T, keyof RecordMeta>;
/** Meta a test may set on create (the repositories' CreateInput accepts these too). */
type CreateMeta = Partial<Pick<RecordMeta, 'id' | 'teamId' | 'ownerId'>>;

export type AccountFields = FieldsOf<Account>;
export type ContactFields = FieldsOf<Contact>;
export type DealFields = FieldsOf<Deal>;
export type LeadFields = FieldsOf<Lead>;
export type ActivityFields = FieldsOf<Activity>;
export type TicketFields = FieldsOf<Ticket>;
export type ContractFields = FieldsOf<Contract>;

let counter = 0;
/** A number no other call in this process returns (names, credit codes and emails stay unique per run). */
export function unique(): number {
  counter += 1;
  return (Date.now() % 100_000) * 100 + counter;
}

/** A valid 18-character credit code whose body is derived from `n` (check character computed). */
export function validCreditCode(n: number = unique()): string {
  const first17 = `91310115${String(n).padStart(9, '0').slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A credit code with a wrong check character. */
export function invalidCreditCode(): string {
  const valid = validCreditCode();
  return valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');
}

/** A unique address on example.com (reserved for documentation, never delivered). */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${unique()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
}

/** A valid mainland mobile number. */
export function uniqueMobile(n: number = unique()): string {
  return `139${String(n).padStart(8, '0').slice(-8)}`;
}

export function buildAccount(
  overrides: Partial<AccountFields> & CreateMeta = {},
): AccountFields & CreateMeta {
  // Derived fields follow the overrides (anniversaryMonthDay from customerSince), as a write would store them.
  return withDerivedFields('accounts', {
    name: `上海测试客户${unique()}有限公司`,
    nameKey: '',
    creditCode: '',
    industry: '',
    sizeBand: '',
    region: '',
    source: '',
    tier: '',
    status: 'prospect',
    tags: [],
    phone: '',
    website: '',
    address: '',
    notes: '',
    customerSince: '',
    anniversaryMonthDay: '',
    lastActivityAt: 0,
    mergedIntoId: '',
    ...overrides,
  });
}

export function buildContact(
  overrides: Partial<ContactFields> & CreateMeta = {},
): ContactFields & CreateMeta {
  const n = unique();
  return withDerivedFields('contacts', {
    accountId: '',
    name: `联系人${n % 1000}`,
    title: '采购经理',
    department: '',
    mobile: uniqueMobile(n),
    email: '',
    phone: '',
    wechat: '',
    decisionRole: '',
    decisionPower: '',
    birthday: '',
    notes: '',
    birthdayMonthDay: '',
    mergedIntoId: '',
    ...overrides,
  });
}

/** An open deal in the default pipeline's first stage (no stage gate to satisfy). */
export function buildDeal(
  overrides: Partial<DealFields> & CreateMeta = {},
): DealFields & CreateMeta {
  return {
    name: `测试商机${unique()}`,
    accountId: '',
    contactId: '',
    pipelineId: 'pipeline-default',
    stage: 'qualify',
    status: 'open',
    amount: 100_000,
    currency: 'CNY',
    probability: 10,
    closeDate: '2026-12-31',
    lineItems: [],
    source: '',
    campaign: '',
    budget: '',
    decisionMakerId: '',
    competitor: '',
    lostReason: '',
    rank: 1024,
    notes: '',
    lastActivityAt: 0,
    campaignId: '',
    forecastCategory: '',
    quotes: [],
    ...overrides,
  };
}

export function buildLead(
  overrides: Partial<LeadFields> & CreateMeta = {},
): LeadFields & CreateMeta {
  const n = unique();
  return {
    name: `线索${n % 1000}`,
    company: `杭州测试线索${n}有限公司`,
    companyKey: '',
    title: '',
    mobile: uniqueMobile(n),
    email: '',
    source: 'website',
    campaign: '',
    status: 'new',
    score: 0,
    region: '',
    industry: '',
    notes: '',
    convertedAccountId: '',
    convertedContactId: '',
    convertedDealId: '',
    lastActivityAt: 0,
    campaignId: '',
    qualification: '',
    assignedAt: 0,
    captureSource: '',
    sizeBand: '',
    mergedIntoId: '',
    ...overrides,
  };
}

/** A logged call (not a task) on no record; set relatedType/relatedId/accountId to attach it. */
export function buildActivity(
  overrides: Partial<ActivityFields> & CreateMeta = {},
): ActivityFields & CreateMeta {
  return {
    type: 'call',
    subject: `测试跟进${unique()}`,
    body: '',
    outcome: '',
    nextStep: '',
    relatedType: '',
    relatedId: '',
    accountId: '',
    occurredAt: Date.UTC(2026, 0, 15),
    dueDate: '',
    done: false,
    ...overrides,
  };
}

/** A comment (issue 18) by its owner on no record; set relatedType/relatedId/accountId and teamId to the record's. */
export function buildComment(
  overrides: Partial<ActivityFields> & CreateMeta = {},
): ActivityFields & CreateMeta {
  return buildActivity({
    type: 'comment',
    subject: '测试评论',
    body: '测试评论',
    mentions: [],
    replyToId: '',
    ...overrides,
  });
}

/** A new incident ticket on no account, assigned to nobody. */
export function buildTicket(
  overrides: Partial<TicketFields> & CreateMeta = {},
): TicketFields & CreateMeta {
  const n = unique();
  return {
    number: `T-${n}`,
    subject: `测试工单${n}`,
    description: '',
    accountId: '',
    contactId: '',
    type: 'incident',
    priority: 'normal',
    status: 'new',
    assigneeId: '',
    resolution: '',
    csatComment: '',
    csatAt: 0,
    product: '',
    language: '',
    routedAt: 0,
    slaPausedMs: 0,
    slaWaitingSince: 0,
    slaWarnedAt: 0,
    slaBreachedAt: 0,
    ...overrides,
  };
}

/** A draft contract without payments; a contract must name its account, so this one has `acc-1`. */
export function buildContract(
  overrides: Partial<ContractFields> & CreateMeta = {},
): ContractFields & CreateMeta {
  const n = unique();
  return withDerivedFields('contracts', {
    number: `C-${n}`,
    title: `测试合同${n}`,
    accountId: 'acc-1',
    dealId: '',
    amount: 100_000,
    currency: 'CNY',
    status: 'draft',
    signedDate: '',
    startDate: '',
    endDate: '',
    paymentPlan: [],
    payments: [],
    notes: '',
    collectionDueDate: '',
    quoteId: '',
    ...overrides,
  });
}

/** A quote line (报价行, issue 20): one unit at ¥1,000.00, no discount; money in integer fen. */
export function buildQuoteLine(overrides: Partial<QuoteLine> = {}): QuoteLine {
  return {
    id: `line-${unique()}`,
    productId: '',
    product: '标准版许可',
    unit: '套',
    quantity: 1,
    unitPriceFen: 100_000,
    listPriceFen: 0,
    discountPercent: 0,
    ...overrides,
  };
}

/** A draft quote version 1 with one line, no discount, no tax. */
export function buildQuote(overrides: Partial<Quote> = {}): Quote {
  return {
    id: `quote-${unique()}`,
    version: 1,
    status: 'draft',
    lines: [buildQuoteLine()],
    discountPercent: 0,
    taxRatePercent: 0,
    validUntil: '2027-01-31',
    note: '',
    createdAt: Date.UTC(2026, 0, 1),
    createdBy: '',
    sentAt: 0,
    approvalId: '',
    ...overrides,
  };
}

/** A pending discount approval of a deal's quote (approvals, issue 20). */
export function buildApproval(
  overrides: Partial<FieldsOf<Approval>> & CreateMeta = {},
): FieldsOf<Approval> & CreateMeta {
  return {
    kind: 'discount',
    title: '折扣审批',
    subjectType: 'deal',
    subjectId: '',
    amount: 0,
    requesterId: '',
    approverRole: 'manager',
    status: 'pending',
    decidedBy: '',
    comment: '',
    subjectKey: '',
    steps: [],
    currentStep: 0,
    requestNote: '',
    ...overrides,
  };
}

/**
 * A record as the server stores it: the fields plus meta (what a push or a bulk import carries). `at` is
 * both createdAt and updatedAt; `by` both createdBy and updatedBy.
 */
export function withMeta<F extends object>(
  fields: F,
  meta: { id: string; workspaceId: string; by: string; teamId?: string; at?: number },
): F & RecordMeta {
  const at = meta.at ?? Date.UTC(2025, 0, 1);
  return {
    ownerId: meta.by,
    teamId: '',
    ...fields,
    ...(meta.teamId === undefined ? {} : { teamId: meta.teamId }),
    id: meta.id,
    workspaceId: meta.workspaceId,
    createdAt: at,
    updatedAt: at,
    createdBy: meta.by,
    updatedBy: meta.by,
    deleted: false,
  };
}

/**
 * A stored deal in the default pipeline's first stage with none of the later stages' gate fields
 * filled (no amount, close date, budget, decision maker or competitor), for rule tests that fill in
 * exactly what a gate asks. `overrides` may set meta too.
 */
export function buildBareDeal(overrides: Partial<Deal> = {}): Deal {
  const fields = buildDeal({ name: 'CRM 采购', accountId: 'acc-1', amount: 0, closeDate: '' });
  return { ...withMeta(fields, { id: 'deal-1', workspaceId: 'local', by: 'u1' }), ...overrides };
}
