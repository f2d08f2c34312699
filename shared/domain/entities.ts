import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  moneySchema,
  optionalText,
  recordMetaShape,
  refSchema,
  requiredDateSchema,
  requiredText,
  text,
  timestampSchema,
} from './base';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  ACTIVITY_TYPES,
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  APPROVER_KINDS,
  FORECAST_CATEGORIES,
  TICKET_LANGUAGES,
  CAMPAIGN_CHANNELS,
  CONTRACT_STATUSES,
  DEAL_STATUSES,
  DECISION_POWERS,
  DECISION_ROLES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LEAD_QUALIFICATIONS,
  MEMBER_ROLES,
  PAYMENT_METHODS,
  REGIONS,
  RELATED_TYPES,
  SIZE_BANDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from './lists';
import { ValidationMessage } from '../validation/messages';
import { productValueSchema, quoteSchema } from './quote';
import { checkCreditCode } from '../validation/credit-code';
import { isValidMobile } from '../validation/mobile';
import { isValidEmail } from '../validation/email';
import { findUnstorableText } from '../validation/storable-text';
import { isKnownIndustry } from './industry';
import { IMPORT_KINDS } from '../import/header-guess';
// The states are the inbox contract's (a type-only import back to the domain, so no cycle at runtime).
import { INBOX_MARK_STATES } from '../rules/inbox-items';
import { CONTRACT_NUMBER_RESETS, contractNumberingProblem } from '../rules/contract-number';

const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: ValidationMessage.notInList });
/** '' (not set) or a list value. The union carries the message too, or a wrong value would read "Invalid input". */
const listOrEmpty = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), listOf(values)], { message: ValidationMessage.notInList });

/** Empty or a valid credit code (the server and the form both run this). */
const creditCodeField = text()
  .max(18, ValidationMessage.creditCodeFormat)
  .superRefine((value, ctx) => {
    if (value === '') return;
    const result = checkCreditCode(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });
const mobileField = text()
  .max(20)
  .refine((v) => v === '' || isValidMobile(v), ValidationMessage.mobileFormat);
const emailField = text()
  .max(254)
  .refine((v) => v === '' || isValidEmail(v), ValidationMessage.emailFormat);
const industryField = text()
  .max(8)
  .refine((v) => v === '' || isKnownIndustry(v), ValidationMessage.industryUnknown);
/**
 * Fields the app keeps from other records or derives (issue 18): an old client or a REST caller that leaves them
 * out still writes a valid record (the default), and the write derives them again.
 */
/** Epoch ms of the latest customer activity on the record (shared/rules/last-activity.ts); 0 = none. */
const lastActivityField = timestampSchema.default(0);
/** A merged-away record's survivor (issue 19): set on the tombstone of a merge's loser, '' otherwise. */
const mergedIntoField = refSchema.default('');
/** 'MM-DD' of a date (birthday, customer since), so key dates are an index range; '' when the date is unset. */
const monthDayField = text()
  .max(5)
  .regex(/^(\d{2}-\d{2})?$/, ValidationMessage.dateFormat)
  .default('');

const probabilityField = z
  .number()
  .int()
  .min(0, ValidationMessage.probabilityRange)
  .max(100, ValidationMessage.probabilityRange);

// ---------- accounts (客户) ----------
export const accountFields = {
  name: requiredText(200),
  /** Normalized name for duplicate checks (shared/validation/company-name.ts). Derived, never typed. */
  nameKey: text().max(200),
  creditCode: creditCodeField,
  /** GB/T 4754-2017 division code, e.g. 'I65'; the section letter is its first character. */
  industry: industryField,
  sizeBand: listOrEmpty(SIZE_BANDS),
  region: listOrEmpty(REGIONS),
  source: listOrEmpty(LEAD_SOURCES),
  tier: listOrEmpty(ACCOUNT_TIERS),
  status: listOf(ACCOUNT_STATUSES),
  tags: z.array(text().max(40)).max(30),
  phone: optionalText(40),
  website: optionalText(200),
  address: optionalText(300),
  notes: optionalText(5000),
  /** Customer since (成为客户日期) 'YYYY-MM-DD' or '': the anniversary counts from it. */
  customerSince: dateSchema.default(''),
  /** Derived from customerSince (shared/rules/derived-fields.ts). */
  anniversaryMonthDay: monthDayField,
  lastActivityAt: lastActivityField,
  mergedIntoId: mergedIntoField,
};
export const accountSchema = z.object({ ...recordMetaShape, ...accountFields });
export type Account = z.infer<typeof accountSchema>;

// ---------- contacts (联系人) ----------
export const contactFields = {
  accountId: refSchema,
  name: requiredText(100),
  title: optionalText(100),
  department: optionalText(100),
  mobile: mobileField,
  email: emailField,
  phone: optionalText(40),
  wechat: optionalText(60),
  decisionRole: listOrEmpty(DECISION_ROLES),
  decisionPower: listOrEmpty(DECISION_POWERS),
  birthday: dateSchema,
  notes: optionalText(5000),
  /** Derived from birthday (shared/rules/derived-fields.ts). */
  birthdayMonthDay: monthDayField,
  mergedIntoId: mergedIntoField,
};
export const contactSchema = z.object({ ...recordMetaShape, ...contactFields });
export type Contact = z.infer<typeof contactSchema>;

// ---------- leads (线索) ----------
export const leadFields = {
  name: requiredText(100),
  company: optionalText(200),
  companyKey: text().max(200),
  title: optionalText(100),
  mobile: mobileField,
  email: emailField,
  source: listOf(LEAD_SOURCES),
  campaign: optionalText(100),
  status: listOf(LEAD_STATUSES),
  score: z.number().int().min(0).max(100),
  region: listOrEmpty(REGIONS),
  industry: industryField,
  notes: optionalText(5000),
  convertedAccountId: refSchema,
  convertedContactId: refSchema,
  convertedDealId: refSchema,
  lastActivityAt: lastActivityField,
  /** The campaign (settings kind `campaign`) the lead came from, or ''; `campaign` keeps free text from before. */
  campaignId: refSchema.default(''),
  /** 'mql' / 'sql' from the score and the thresholds of the scoring rules (shared/rules), '' below both. */
  qualification: listOrEmpty(LEAD_QUALIFICATIONS).default(''),
  /** When the server's assignment rules gave the lead its owner (epoch ms), 0 = never (issue 19). */
  assignedAt: timestampSchema.default(0),
  /** The capture source (API key's name) that posted the lead, '' for leads typed or imported. */
  captureSource: text().max(100).default(''),
  mergedIntoId: mergedIntoField,
  /** The company's head count band, as on accounts: scoring can weigh it; conversion carries it over. */
  sizeBand: listOrEmpty(SIZE_BANDS).default(''),
};
export const leadSchema = z.object({ ...recordMetaShape, ...leadFields });
export type Lead = z.infer<typeof leadSchema>;

// ---------- deals (商机) ----------
export const lineItemSchema = z.object({
  id: idSchema,
  product: requiredText(200),
  quantity: z.number().min(0, ValidationMessage.amountNegative).max(1e9),
  unitPrice: moneySchema,
  /** Discount in percent of the line total, 0–100. */
  discount: z
    .number()
    .min(0, ValidationMessage.percentRange)
    .max(100, ValidationMessage.percentRange),
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const dealFields = {
  name: requiredText(200),
  accountId: refSchema,
  contactId: refSchema,
  pipelineId: idSchema,
  /** Stage id within the pipeline (settings → pipelines). */
  stage: text().min(1, ValidationMessage.required).max(40),
  status: listOf(DEAL_STATUSES),
  amount: moneySchema,
  currency: z.literal('CNY'),
  probability: probabilityField,
  closeDate: dateSchema,
  lineItems: z.array(lineItemSchema).max(200),
  source: listOrEmpty(LEAD_SOURCES),
  campaign: optionalText(100),
  budget: optionalText(200),
  decisionMakerId: refSchema,
  competitor: optionalText(200),
  lostReason: optionalText(500),
  /** Position within its stage column on the board (fractional, so a move writes one record). */
  rank: z.number().int(),
  notes: optionalText(5000),
  lastActivityAt: lastActivityField,
  /** The campaign (settings kind `campaign`) the deal came from, or '' (issue 19). */
  campaignId: refSchema.default(''),
  /** The rep's forecast call on an open deal (issue 20); '' counts as pipeline. */
  forecastCategory: listOrEmpty(FORECAST_CATEGORIES).default(''),
  /** Every quote version of the deal (shared/domain/quote.ts, issue 20). */
  quotes: z.array(quoteSchema).max(50).default([]),
};
export const dealSchema = z.object({ ...recordMetaShape, ...dealFields });
export type Deal = z.infer<typeof dealSchema>;

// ---------- contracts (合同) with payment plan (回款计划) and received payments ----------
export const paymentPlanItemSchema = z.object({
  id: idSchema,
  dueDate: requiredDateSchema,
  amount: moneySchema,
  note: optionalText(200),
});
export const paymentSchema = z.object({
  id: idSchema,
  date: requiredDateSchema,
  amount: moneySchema,
  method: listOf(PAYMENT_METHODS),
  planItemId: refSchema,
  note: optionalText(200),
});
export type PaymentPlanItem = z.infer<typeof paymentPlanItemSchema>;
export type Payment = z.infer<typeof paymentSchema>;

export const contractFields = {
  number: requiredText(60),
  title: requiredText(200),
  accountId: idSchema,
  dealId: refSchema,
  amount: moneySchema,
  currency: z.literal('CNY'),
  status: listOf(CONTRACT_STATUSES),
  signedDate: dateSchema,
  startDate: dateSchema,
  endDate: dateSchema,
  paymentPlan: z.array(paymentPlanItemSchema).max(120),
  payments: z.array(paymentSchema).max(500),
  notes: optionalText(5000),
  /** Derived: the due date of the earliest instalment not fully received, '' when none (contract-math.ts). */
  collectionDueDate: dateSchema.default(''),
  /** The deal's quote (its id in `deals.quotes`) the contract was made from, '' (issue 20). */
  quoteId: refSchema.default(''),
};
export const contractSchema = z.object({ ...recordMetaShape, ...contractFields });
export type Contract = z.infer<typeof contractSchema>;

// ---------- tickets (工单) ----------
export const ticketFields = {
  number: text().max(40),
  subject: requiredText(200),
  description: optionalText(10000),
  accountId: refSchema,
  contactId: refSchema,
  type: listOf(TICKET_TYPES),
  priority: listOf(TICKET_PRIORITIES),
  status: listOf(TICKET_STATUSES),
  assigneeId: refSchema,
  resolution: optionalText(5000),
  firstResponseAt: timestampSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  csat: z.number().int().min(1).max(5).optional(),
  /** Issue 21. The customer's CSAT comment, and when the answer was recorded (epoch ms, 0 = none). */
  csatComment: optionalText(2000).default(''),
  csatAt: timestampSchema.default(0),
  /** Skill routing (issue 21): the product and language the ticket is about; when the server routed it (0 = not). */
  product: optionalText(100).default(''),
  language: listOrEmpty(TICKET_LANGUAGES).default(''),
  routedAt: timestampSchema.default(0),
  /** SLA clock (issue 21): time spent waiting on the customer so far, and since when it waits now (0 = not). */
  slaPausedMs: timestampSchema.default(0),
  slaWaitingSince: timestampSchema.default(0),
  /** When the SLA warning and the breach were recorded (epoch ms, 0 = not yet). */
  slaWarnedAt: timestampSchema.default(0),
  slaBreachedAt: timestampSchema.default(0),
};
export const ticketSchema = z.object({ ...recordMetaShape, ...ticketFields });
export type Ticket = z.infer<typeof ticketSchema>;

// ---------- activities (跟进记录 and tasks) ----------
export const activityFields = {
  type: listOf(ACTIVITY_TYPES),
  subject: requiredText(200),
  body: optionalText(10000),
  outcome: optionalText(1000),
  nextStep: optionalText(1000),
  relatedType: listOrEmpty(RELATED_TYPES),
  relatedId: refSchema,
  /** The account whose timeline shows this activity ('' when it belongs to a lead only). */
  accountId: refSchema,
  occurredAt: timestampSchema,
  /** Tasks: due date 'YYYY-MM-DD'; '' for logged interactions. */
  dueDate: dateSchema,
  done: z.boolean(),
  doneAt: timestampSchema.optional(),
  /**
   * Comments: the members the body @mentions, derived from it (shared/rules/comments.ts). Optional so records and
   * clients from before comments keep validating (issue 18).
   */
  mentions: z.array(idSchema).max(50).optional(),
  /** Comments: the comment this one answers ('' or absent: none). */
  replyToId: refSchema.optional(),
  /** NPS responses (type 'nps', issue 21): the contact's 0–10 answer; the reason is the body. */
  npsScore: z.number().int().min(0).max(10).optional(),
};
export const activitySchema = z.object({ ...recordMetaShape, ...activityFields });
export type Activity = z.infer<typeof activitySchema>;

// ---------- approvals (审批) ----------
/** One step of an approval's route (issue 20): who decides it, and their decision. */
export const approvalStepSchema = z.object({
  approverKind: z.enum(APPROVER_KINDS),
  /** approverKind 'role': the role that decides. */
  role: listOrEmpty(MEMBER_ROLES),
  /** approverKind 'members': who may decide; 'manager': the requester's managers, resolved when routed. */
  memberIds: z.array(idSchema).max(50),
  status: z.enum(APPROVAL_STATUSES),
  decidedBy: refSchema,
  decidedAt: timestampSchema,
  comment: optionalText(2000),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const approvalFields = {
  kind: listOf(APPROVAL_KINDS),
  title: requiredText(200),
  subjectType: listOrEmpty(RELATED_TYPES),
  subjectId: refSchema,
  amount: moneySchema,
  requesterId: refSchema,
  approverRole: listOf(MEMBER_ROLES),
  status: listOf(APPROVAL_STATUSES),
  decidedBy: refSchema,
  decidedAt: timestampSchema.optional(),
  comment: optionalText(2000),
  /** What within the subject is approved, e.g. the quote id of a deal's quote (issue 20); '' = the subject. */
  subjectKey: text().max(100).default(''),
  /** The route (one or two steps) the approval rules gave the request, and the step now deciding. */
  steps: z.array(approvalStepSchema).max(3).default([]),
  currentStep: z.number().int().min(0).max(3).default(0),
  /** The requester's note (an expense's purpose, a discount's reason); the decisions' comments are in the steps. */
  requestNote: optionalText(2000).default(''),
};
export const approvalSchema = z.object({ ...recordMetaShape, ...approvalFields });
export type Approval = z.infer<typeof approvalSchema>;

// ---------- members (users and teams) ----------
export const memberFields = {
  kind: z.enum(['user', 'team']),
  name: requiredText(100),
  email: emailField,
  role: listOrEmpty(MEMBER_ROLES),
  /** Teams: the parent team ('' at the top). Users: their primary team (also in teamId). */
  parentTeamId: refSchema,
  teamIds: z.array(idSchema).max(50),
  /** Users: teams shared with them read-only (they read those teams' records, write none of them). */
  readOnlyTeamIds: z.array(idSchema).max(50).optional(),
  active: z.boolean(),
};
export const memberSchema = z.object({ ...recordMetaShape, ...memberFields });
export type Member = z.infer<typeof memberSchema>;

// ---------- settings (pipelines, controlled lists, targets, saved filters, preferences) ----------
/** A task a stage creates for the deal's owner on entry: its title and due date N days after entering. */
export const stageTaskTemplateSchema = z.object({
  /** Stable within the stage, so the created task's id is the same on every laptop. */
  id: text().min(1).max(40),
  title: requiredText(200),
  dueInDays: z
    .number()
    .int()
    .min(0, ValidationMessage.taskDueDays)
    .max(365, ValidationMessage.taskDueDays),
});
export type StageTaskTemplate = z.infer<typeof stageTaskTemplateSchema>;
export const pipelineStageSchema = z.object({
  id: text().min(1).max(40),
  /** Label key for built-in stages (lists.stage.<id>) or a user-typed name. */
  name: requiredText(60),
  probability: probabilityField,
  /** 'open' stages are on the board; 'won'/'lost' close the deal. */
  outcome: listOf(DEAL_STATUSES),
  /** Deal fields that must be filled before a deal may enter this stage (stage gates). */
  requiredFields: z.array(text().max(40)).max(20),
  /** Exit criteria: a checklist people read before moving a deal on (issue 20). Optional: older pipelines lack it. */
  exitCriteria: z.array(requiredText(200)).max(20).optional(),
  /** Tasks created for the deal's owner when a deal enters this stage (shared/rules/stage-tasks.ts; issue 20). */
  taskTemplates: z.array(stageTaskTemplateSchema).max(10).optional(),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;
/**
 * A pipeline: stage ids are unique (deals store them) and at least one won and one lost stage remain, so a deal
 * can always be closed.
 */
export const pipelineValueSchema = z
  .object({
    name: requiredText(60),
    stages: z.array(pipelineStageSchema).min(2).max(20),
  })
  .superRefine((pipeline, ctx) => {
    const seen = new Set<string>();
    pipeline.stages.forEach((stage, index) => {
      if (seen.has(stage.id))
        ctx.addIssue({
          code: 'custom',
          message: ValidationMessage.pipelineStageTwice,
          path: ['stages', index, 'id'],
        });
      seen.add(stage.id);
    });
    for (const outcome of ['won', 'lost'] as const)
      if (!pipeline.stages.some((stage) => stage.outcome === outcome))
        ctx.addIssue({
          code: 'custom',
          message: ValidationMessage.pipelineNeedsClosing,
          path: ['stages'],
        });
  });
export type PipelineValue = z.infer<typeof pipelineValueSchema>;

export const targetValueSchema = z.object({
  period: text().regex(/^\d{4}(-Q[1-4]|-\d{2})?$/),
  memberId: refSchema,
  amount: moneySchema,
});
export const savedFilterValueSchema = z.object({
  entity: listOf(RELATED_TYPES),
  name: requiredText(60),
  filter: z.record(text(), z.union([text(), z.array(text())])),
  sort: z.object({ field: text().max(40), direction: z.enum(['asc', 'desc']) }),
});
export type SavedFilterValue = z.infer<typeof savedFilterValueSchema>;

/**
 * Fields an admin may restrict (field-level permissions, issue 14), by collection: each names the stored
 * fields it covers, so a restriction cannot be read around (a deal's amount is the total of its lines).
 */
export const RESTRICTABLE_FIELDS = {
  deals: { amount: ['amount', 'lineItems'], budget: ['budget'] },
  contracts: { amount: ['amount', 'paymentPlan', 'payments'] },
  contacts: { mobile: ['mobile'], phone: ['phone'], email: ['email'], wechat: ['wechat'] },
  leads: { mobile: ['mobile'], email: ['email'] },
  accounts: { phone: ['phone'] },
} as const satisfies Partial<Record<string, Record<string, readonly string[]>>>;
export type RestrictableCollection = keyof typeof RESTRICTABLE_FIELDS;
export const RESTRICTABLE_COLLECTIONS = Object.keys(RESTRICTABLE_FIELDS) as [
  RestrictableCollection,
  ...RestrictableCollection[],
];

/**
 * One restriction: `field` of `collection`'s records is shown only to admins, to the listed roles, and (with
 * `ownTeam`) to members of the record's own team — not to someone who reads the record through a manager's
 * subtree, a workspace-wide record ('' team) or sharing.
 */
export const fieldRuleSchema = z
  .object({
    collection: listOf(RESTRICTABLE_COLLECTIONS),
    field: text().min(1).max(40),
    roles: z.array(listOf(MEMBER_ROLES)).max(10),
    ownTeam: z.boolean(),
  })
  .refine((rule) => Object.hasOwn(RESTRICTABLE_FIELDS[rule.collection], rule.field), {
    message: ValidationMessage.notInList,
    path: ['field'],
  });
export type FieldRule = z.infer<typeof fieldRuleSchema>;
export const fieldPolicyValueSchema = z.object({ rules: z.array(fieldRuleSchema).max(50) });
export type FieldPolicyValue = z.infer<typeof fieldPolicyValueSchema>;
/** The key (and id suffix) of a workspace's one field policy record. */
export const FIELD_POLICY_KEY = 'fieldPolicy';

/**
 * A saved column mapping of the import wizard (issue 17), one per file layout: the next file with the same
 * headers (shared/import/header-guess.ts `layoutSignature`) is mapped the same way. `mapping[i]` is the field
 * column i fills, or null for a column left out.
 */
export const importMappingValueSchema = z.object({
  kind: listOf(IMPORT_KINDS),
  signature: text().max(10_000),
  mapping: z.array(text().max(40).nullable()).max(500),
});
export type ImportMappingValue = z.infer<typeof importMappingValueSchema>;

/**
 * Follow-up rules an admin tunes (issue 18; the rules are in shared/rules/follow-up.ts and key-dates.ts). Idle
 * times count working time only when `workingDaysOnly` (weekends do not make a lead "48 h idle").
 */
const ruleHours = z
  .number({ message: ValidationMessage.followUpHours })
  .int(ValidationMessage.followUpHours)
  .min(1, ValidationMessage.followUpHours)
  .max(2160, ValidationMessage.followUpHours);
const ruleDays = z
  .number({ message: ValidationMessage.followUpDays })
  .int(ValidationMessage.followUpDays)
  .min(1, ValidationMessage.followUpDays)
  .max(365, ValidationMessage.followUpDays);
const leadDays = z
  .number({ message: ValidationMessage.followUpLeadDays })
  .int(ValidationMessage.followUpLeadDays)
  .min(0, ValidationMessage.followUpLeadDays)
  .max(60, ValidationMessage.followUpLeadDays);
export const followUpStageRuleSchema = z.object({
  stageId: text().min(1, ValidationMessage.required).max(40),
  remindAfterDays: ruleDays,
  escalateAfterDays: ruleDays,
});
export type FollowUpStageRule = z.infer<typeof followUpStageRuleSchema>;
export const followUpRulesValueSchema = z.object({
  workingDaysOnly: z.boolean(),
  leadNoActivity: z.object({
    enabled: z.boolean(),
    remindAfterHours: ruleHours,
    escalateAfterHours: ruleHours,
  }),
  dealNoActivity: z.object({
    enabled: z.boolean(),
    remindAfterDays: ruleDays,
    escalateAfterDays: ruleDays,
    /** Per pipeline stage: overrides the two numbers above for deals in that stage. */
    stages: z
      .array(followUpStageRuleSchema)
      .max(20)
      .refine((rows) => new Set(rows.map((r) => r.stageId)).size === rows.length, {
        message: ValidationMessage.followUpStageTwice,
      }),
  }),
  taskOverdue: z.object({ enabled: z.boolean() }),
  paymentOverdue: z.object({ enabled: z.boolean(), escalateAfterDays: ruleDays }),
  contractRenewal: z.object({
    enabled: z.boolean(),
    /** Days before the end date at which a renewal reminder appears, each its own item. */
    windowsDays: z
      .array(ruleDays)
      .min(1, ValidationMessage.required)
      .max(6)
      .refine((days) => new Set(days).size === days.length, {
        message: ValidationMessage.followUpWindowTwice,
      }),
  }),
  birthday: z.object({ enabled: z.boolean(), leadDays }),
  anniversary: z.object({ enabled: z.boolean(), leadDays }),
});
export type FollowUpRulesValue = z.infer<typeof followUpRulesValueSchema>;
/** The key (and id suffix) of a workspace's one follow-up rules record. */
export const FOLLOW_UP_RULES_KEY = 'followUpRules';

// Issue 19. Placeholders of the contract commit: each is replaced by its feature's schema.
/**
 * A campaign (市场活动), one record per campaign (key = its id). Its phase (planned, active, ended) follows from the
 * dates (shared/rules/campaign-metrics.ts `campaignPhase`); an empty end date is a campaign still running. Money in
 * yuan like every amount; sums are taken in fen (campaign-metrics.ts).
 */
export const campaignValueSchema = z
  .object({
    name: requiredText(100),
    channel: listOf(CAMPAIGN_CHANNELS),
    startDate: requiredDateSchema,
    endDate: dateSchema,
    budget: moneySchema,
    actualCost: moneySchema,
    notes: optionalText(2000),
  })
  .refine((c) => c.endDate === '' || c.endDate >= c.startDate, {
    message: ValidationMessage.dateOrder,
    path: ['endDate'],
  });
export type CampaignValue = z.infer<typeof campaignValueSchema>;

/** Points a scoring rule gives, 0–100 (the score itself is capped at 100). */
const scoringPoints = z
  .number({ message: ValidationMessage.scoringPoints })
  .int(ValidationMessage.scoringPoints)
  .min(0, ValidationMessage.scoringPoints)
  .max(100, ValidationMessage.scoringPoints);
const scoringThreshold = z
  .number({ message: ValidationMessage.scoringThreshold })
  .int(ValidationMessage.scoringThreshold)
  .min(1, ValidationMessage.scoringThreshold)
  .max(100, ValidationMessage.scoringThreshold);
/** The lead fields whose being filled in earns completeness points. */
export const SCORED_LEAD_FIELDS = [
  'company',
  'mobile',
  'email',
  'title',
  'industry',
  'region',
] as const;
export type ScoredLeadField = (typeof SCORED_LEAD_FIELDS)[number];
/**
 * Lead-scoring rules and MQL/SQL thresholds (issue 19), one record per workspace (key LEAD_SCORING_KEY); the rule is
 * shared/rules/lead-scoring.ts. Sources and industry sections left out of the maps give no points.
 */
export const leadScoringValueSchema = z
  .object({
    enabled: z.boolean(),
    mqlThreshold: scoringThreshold,
    sqlThreshold: scoringThreshold,
    sourcePoints: z.partialRecord(listOf(LEAD_SOURCES), scoringPoints),
    completenessPoints: z.object(
      Object.fromEntries(SCORED_LEAD_FIELDS.map((f) => [f, scoringPoints])) as Record<
        ScoredLeadField,
        typeof scoringPoints
      >,
    ),
    engagement: z.object({
      /** Activities (customer contact) on the lead in the last `days` days count. */
      days: z
        .number({ message: ValidationMessage.followUpDays })
        .int(ValidationMessage.followUpDays)
        .min(1, ValidationMessage.followUpDays)
        .max(365, ValidationMessage.followUpDays),
      pointsPerActivity: scoringPoints,
      maxPoints: scoringPoints,
    }),
    /** By the company's head count band; rules saved before it existed score no size. */
    sizePoints: z.partialRecord(listOf(SIZE_BANDS), scoringPoints).default({}),
    /** By GB/T 4754 section letter (the first character of the lead's industry code). */
    industryPoints: z.partialRecord(
      text().regex(/^[A-T]$/, ValidationMessage.notInList),
      scoringPoints,
    ),
  })
  .refine((r) => r.sqlThreshold > r.mqlThreshold, {
    message: ValidationMessage.scoringThresholdOrder,
    path: ['sqlThreshold'],
  });
export type LeadScoringValue = z.infer<typeof leadScoringValueSchema>;
export const LEAD_SCORING_KEY = 'leadScoring';
/**
 * Lead-assignment rules the server applies once per lead, one record per workspace (key LEAD_ASSIGNMENT_KEY; the
 * rule is shared/rules/lead-assignment.ts). Rules are tried in order; a rule matches a lead when its regions and
 * its industries (a section letter matches its divisions) each are empty or contain the lead's. Its target is a
 * team (round robin among the team's active reps and managers) or one member. Nobody gets more than `capacity`
 * open leads (0 = no cap); when no rule gives an owner, the fallback owner ('' = leave the lead unassigned) does.
 */
export const leadAssignmentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamId: requiredText(64) }),
  z.object({ kind: z.literal('member'), memberId: requiredText(64) }),
]);
export type LeadAssignmentTarget = z.infer<typeof leadAssignmentTargetSchema>;
export const leadAssignmentRuleSchema = z.object({
  /** Stable id: the round-robin cursor of the rule is kept under it on the server. */
  id: text().min(1).max(40),
  name: optionalText(60),
  regions: z.array(listOf(REGIONS)).max(REGIONS.length),
  industries: z.array(text().refine(isKnownIndustry, ValidationMessage.industryUnknown)).max(100),
  target: leadAssignmentTargetSchema,
});
export type LeadAssignmentRule = z.infer<typeof leadAssignmentRuleSchema>;
export const leadAssignmentValueSchema = z.object({
  enabled: z.boolean(),
  rules: z
    .array(leadAssignmentRuleSchema)
    .max(50)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
      message: ValidationMessage.leadAssignmentRuleTwice,
    }),
  /** Open leads (new, contacted, qualified) a person may hold before rules skip them; 0 = no cap. */
  capacity: z
    .number({ message: ValidationMessage.leadAssignmentCapacity })
    .int(ValidationMessage.leadAssignmentCapacity)
    .min(0, ValidationMessage.leadAssignmentCapacity)
    .max(100_000, ValidationMessage.leadAssignmentCapacity),
  /** Who gets a lead no rule placed (nothing matched, or everyone was full); '' leaves it unassigned. */
  fallbackOwnerId: refSchema,
});
export type LeadAssignmentValue = z.infer<typeof leadAssignmentValueSchema>;
export const LEAD_ASSIGNMENT_KEY = 'leadAssignment';

/**
 * Skill-based ticket routing (issue 21, "Routing"), one record per workspace (key TICKET_ROUTING_KEY; the rule is
 * shared/rules/ticket-routing.ts). Agents list their skills: ticket types, products and languages (an empty list
 * handles any). A new unassigned ticket goes round robin to the matching agents with room (fewer than `capacity`
 * open tickets; 0 = no cap); when none has, to the fallback queue: one member, or a team's manager.
 */
export const ticketRoutingAgentSchema = z.object({
  memberId: requiredText(64),
  types: z.array(listOf(TICKET_TYPES)).max(TICKET_TYPES.length),
  products: z.array(requiredText(100)).max(100),
  languages: z.array(listOf(TICKET_LANGUAGES)).max(TICKET_LANGUAGES.length),
  capacity: z
    .number({ message: ValidationMessage.ticketRoutingCapacity })
    .int(ValidationMessage.ticketRoutingCapacity)
    .min(0, ValidationMessage.ticketRoutingCapacity)
    .max(100_000, ValidationMessage.ticketRoutingCapacity),
});
export type TicketRoutingAgent = z.infer<typeof ticketRoutingAgentSchema>;
export const ticketRoutingFallbackSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('member'), memberId: requiredText(64) }),
  z.object({ kind: z.literal('teamManager'), teamId: requiredText(64) }),
]);
export type TicketRoutingFallback = z.infer<typeof ticketRoutingFallbackSchema>;
export const ticketRoutingValueSchema = z.object({
  enabled: z.boolean(),
  agents: z
    .array(ticketRoutingAgentSchema)
    .max(500)
    .refine((agents) => new Set(agents.map((a) => a.memberId)).size === agents.length, {
      message: ValidationMessage.ticketRoutingAgentTwice,
    }),
  fallback: ticketRoutingFallbackSchema,
});
export type TicketRoutingValue = z.infer<typeof ticketRoutingValueSchema>;
export const TICKET_ROUTING_KEY = 'ticketRouting';

/**
 * Approval routing (issue 20), one record per workspace (key `approvalRules`). A request of a kind goes to the
 * rule of that kind with the highest `minAmount` not above its amount (yuan); no rule → the requester's manager.
 * A quote's overall discount above the requester's role threshold (percent) needs a discount approval; a contract
 * above `contractThreshold` (yuan) needs a contract approval.
 */
export const approvalRouteStepSchema = z.object({
  approverKind: z.enum(APPROVER_KINDS),
  role: listOrEmpty(MEMBER_ROLES),
  memberIds: z.array(idSchema).max(50),
});
export const approvalRuleSchema = z.object({
  id: text().min(1).max(40),
  kind: listOf(APPROVAL_KINDS),
  minAmount: moneySchema,
  steps: z.array(approvalRouteStepSchema).min(1).max(2),
});
export const approvalRulesValueSchema = z.object({
  discountThresholds: z.object({
    rep: z.number().min(0).max(100),
    manager: z.number().min(0).max(100),
    admin: z.number().min(0).max(100),
    viewer: z.number().min(0).max(100),
  }),
  contractThreshold: moneySchema,
  rules: z.array(approvalRuleSchema).max(50),
});
export type ApprovalRulesValue = z.infer<typeof approvalRulesValueSchema>;
export const APPROVAL_RULES_KEY = 'approvalRules';

/**
 * Account health scoring (issue 21), one record per workspace (key HEALTH_SCORING_KEY); the rule is
 * shared/rules/account-health.ts. A score starts at 100 and each part takes off up to its weight; an account is a
 * churn risk below `churnBelow`, or when its score fell by `dropPoints` or more within 30 days.
 */
const healthCount = z
  .number({ message: ValidationMessage.healthCount })
  .int(ValidationMessage.healthCount)
  .min(1, ValidationMessage.healthCount)
  .max(100, ValidationMessage.healthCount);
export const healthScoringValueSchema = z
  .object({
    weights: z.object({
      recency: scoringPoints,
      openTickets: scoringPoints,
      breachedTickets: scoringPoints,
      csat: scoringPoints,
      nps: scoringPoints,
      overduePayments: scoringPoints,
      renewal: scoringPoints,
    }),
    /** No customer contact for more than `freshDays` starts costing points; from `staleDays` on, all of recency's. */
    freshDays: ruleDays,
    staleDays: ruleDays,
    /** Open tickets, breached tickets and overdue instalments at which each part takes its whole weight. */
    openTicketsFull: healthCount,
    breachedTicketsFull: healthCount,
    overdueFull: healthCount,
    /** Breached tickets, CSAT answers and NPS answers count when they are at most this many days old. */
    windowDays: ruleDays,
    /** The nearest active contract's end within this many days costs points (all of them on its end date). */
    renewalDays: ruleDays,
    churnBelow: scoringThreshold,
    watchBelow: scoringThreshold,
    dropPoints: scoringThreshold,
  })
  .refine((r) => r.staleDays > r.freshDays, {
    message: ValidationMessage.healthDayOrder,
    path: ['staleDays'],
  })
  .refine((r) => r.watchBelow > r.churnBelow, {
    message: ValidationMessage.healthThresholdOrder,
    path: ['watchBelow'],
  });
export type HealthScoringValue = z.infer<typeof healthScoringValueSchema>;
export const HEALTH_SCORING_KEY = 'healthScoring';
/** 'HH:MM' on a 24-hour clock; '24:00' ends a day. */
const clockTimeSchema = text().regex(
  /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
  ValidationMessage.clockTime,
);
/** One working period of a day, local time: start before end (a lunch break is the gap between two). */
export const workingPeriodSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((p) => p.start < p.end, { message: ValidationMessage.periodOrder, path: ['end'] });
export type WorkingPeriod = z.infer<typeof workingPeriodSchema>;
const dayListSchema = z
  .array(requiredDateSchema)
  .max(1000)
  .refine((days) => new Set(days).size === days.length, { message: ValidationMessage.dayTwice });
/**
 * The working calendar SLA clocks run on (issue 21), one record per workspace (key WORKING_CALENDAR_KEY; the rule
 * is shared/rules/business-hours.ts). `weekHours[0]` is Sunday … `[6]` Saturday, each day's periods in order and
 * not overlapping. With `statutoryHolidays` the mainland's public holidays are off and their make-up working days
 * (调休) work (the `chinese-days` data). An admin's `daysOff` are off, `extraWorkingDays` work; both win over the
 * statutory calendar.
 */
export const workingCalendarValueSchema = z.object({
  utcOffsetMinutes: z
    .number({ message: ValidationMessage.utcOffset })
    .int(ValidationMessage.utcOffset)
    .min(-720, ValidationMessage.utcOffset)
    .max(840, ValidationMessage.utcOffset),
  weekHours: z
    .array(
      z
        .array(workingPeriodSchema)
        .max(6)
        .refine((ps) => ps.every((p, i) => i === 0 || ps[i - 1].end <= p.start), {
          message: ValidationMessage.periodOverlap,
        }),
    )
    .length(7),
  statutoryHolidays: z.boolean(),
  daysOff: dayListSchema,
  extraWorkingDays: dayListSchema,
});
export type WorkingCalendarValue = z.infer<typeof workingCalendarValueSchema>;
export const WORKING_CALENDAR_KEY = 'workingCalendar';

const slaMinutesSchema = z
  .number({ message: ValidationMessage.slaMinutes })
  .int(ValidationMessage.slaMinutes)
  .min(1, ValidationMessage.slaMinutes)
  .max(600_000, ValidationMessage.slaMinutes);
/** A priority's targets in business minutes (on the working calendar). */
export const slaTargetSchema = z.object({
  firstResponseMinutes: slaMinutesSchema,
  resolutionMinutes: slaMinutesSchema,
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;
/**
 * An SLA policy (issue 21), one record per policy (key = its id; the rule is shared/rules/sla.ts `pickSlaPolicy`):
 * targets per ticket priority, for the accounts of `tiers` (empty: any account, and tickets without one). A policy
 * naming the account's tier wins over one for any tier. The warning is raised at `warnAtPercent` of a target.
 */
export const slaPolicyValueSchema = z.object({
  name: requiredText(60),
  tiers: z
    .array(listOf(ACCOUNT_TIERS))
    .max(ACCOUNT_TIERS.length)
    .refine((tiers) => new Set(tiers).size === tiers.length, {
      message: ValidationMessage.dayTwice,
    }),
  targets: z.object({
    low: slaTargetSchema,
    normal: slaTargetSchema,
    high: slaTargetSchema,
    urgent: slaTargetSchema,
  }),
  warnAtPercent: z
    .number({ message: ValidationMessage.slaWarnPercent })
    .int(ValidationMessage.slaWarnPercent)
    .min(1, ValidationMessage.slaWarnPercent)
    .max(99, ValidationMessage.slaWarnPercent)
    .default(80),
});
export type SlaPolicyValue = z.infer<typeof slaPolicyValueSchema>;

/**
 * Contract numbering (issue 20), one record per workspace (key CONTRACT_NUMBERING_KEY): the pattern new contracts'
 * numbers are made from and when its sequence restarts (shared/rules/contract-number.ts).
 */
export const contractNumberingValueSchema = z
  .object({
    pattern: requiredText(60),
    reset: z.enum(CONTRACT_NUMBER_RESETS),
  })
  .superRefine((rule, ctx) => {
    const problem = contractNumberingProblem(rule);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `${ValidationMessage.contractNumberPattern}.${problem}`,
        path: problem.startsWith('reset') ? ['reset'] : ['pattern'],
      });
  });
export type ContractNumberingValue = z.infer<typeof contractNumberingValueSchema>;
export const CONTRACT_NUMBERING_KEY = 'contractNumbering';

export const SETTING_KINDS = [
  'pipeline',
  'list',
  'target',
  'savedFilter',
  'workspace',
  'fieldPolicy',
  'importMapping',
  'followUpRules',
  'campaign',
  'leadScoring',
  'leadAssignment',
  'product',
  'approvalRules',
  'contractNumbering',
  'slaPolicy',
  'workingCalendar',
  'ticketRouting',
  'healthScoring',
] as const;
export const settingFields = {
  kind: z.enum(SETTING_KINDS),
  key: text().min(1).max(100),
  /** Kind-specific JSON, validated by the schema for that kind (settingValueSchemas). */
  value: z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    // Any JSON here (keys too), so its text is checked by walking it.
    const path = findUnstorableText(value);
    if (path) ctx.addIssue({ code: 'custom', message: ValidationMessage.unstorableText, path });
  }),
};
export const settingSchema = z.object({ ...recordMetaShape, ...settingFields });
export type Setting = z.infer<typeof settingSchema>;

export const settingValueSchemas = {
  pipeline: pipelineValueSchema,
  target: targetValueSchema,
  savedFilter: savedFilterValueSchema,
  list: z.object({ values: z.array(text().max(60)).max(500) }),
  workspace: z.object({
    name: requiredText(100),
    mode: z.enum(['local', 'team']),
    serverUrl: text().max(500).optional(),
  }),
  fieldPolicy: fieldPolicyValueSchema,
  importMapping: importMappingValueSchema,
  followUpRules: followUpRulesValueSchema,
  campaign: campaignValueSchema,
  leadScoring: leadScoringValueSchema,
  leadAssignment: leadAssignmentValueSchema,
  // Issues 20 and 21: each kind's owner replaces its placeholder with the real schema.
  product: productValueSchema,
  approvalRules: approvalRulesValueSchema,
  contractNumbering: contractNumberingValueSchema,
  slaPolicy: slaPolicyValueSchema,
  workingCalendar: workingCalendarValueSchema,
  ticketRouting: ticketRoutingValueSchema,
  healthScoring: healthScoringValueSchema,
} as const;

// ---------- inbox marks (what a person did with an inbox item, issue 18) ----------
/**
 * A person's mark on an inbox item, synced so every laptop of theirs hides the same items. Personal: ownerId is
 * the person, teamId `personalTeamId(ownerId)`, id `inboxMarkId(ownerId, itemKey)` (shared/rules/inbox-items.ts).
 */
export const inboxMarkFields = {
  /** The item's key (`inboxItemKey`): rule, collection, record id and lapse. */
  itemKey: requiredText(300),
  state: listOf(INBOX_MARK_STATES),
  /** Snoozed: when the item comes back (epoch ms); 0 for the other states. */
  snoozedUntil: timestampSchema,
};
export const inboxMarkSchema = z.object({ ...recordMetaShape, ...inboxMarkFields });
export type InboxMark = z.infer<typeof inboxMarkSchema>;

/** All entity schemas by collection name. At most 12 collections (RxDB open-core limit, docs/architecture.md). */
export const entitySchemas = {
  accounts: accountSchema,
  contacts: contactSchema,
  leads: leadSchema,
  deals: dealSchema,
  contracts: contractSchema,
  tickets: ticketSchema,
  activities: activitySchema,
  approvals: approvalSchema,
  members: memberSchema,
  settings: settingSchema,
  inbox_marks: inboxMarkSchema,
} as const;

export type CollectionName = keyof typeof entitySchemas;
export const COLLECTION_NAMES = Object.keys(entitySchemas) as CollectionName[];
export type EntityByCollection = { [K in CollectionName]: z.infer<(typeof entitySchemas)[K]> };
