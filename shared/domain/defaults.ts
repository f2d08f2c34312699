import type {
  ApprovalRulesValue,
  HealthScoringValue,
  ContractNumberingValue,
  FollowUpRulesValue,
  LeadAssignmentValue,
  LeadScoringValue,
  PipelineValue,
  TicketRoutingValue,
  SlaPolicyValue,
  WorkingCalendarValue,
} from './entities';

/** Id of the pipeline every new workspace starts with. */
export const DEFAULT_PIPELINE_ID = 'pipeline-default';
/** The local workspace used when a person works without a server. */
export const LOCAL_WORKSPACE_ID = 'local';
export const LOCAL_USER_ID = 'local-user';
export const LOCAL_TEAM_ID = 'local-team';

/**
 * The default B2B pipeline (线索 → 商机 → 报价 → 合同): 初步接洽 → 需求确认 → 方案演示 → 报价 → 商务谈判 → 赢单/输单.
 * Entering 报价 requires budget, decision maker and competitor info.
 * Stage names are label keys (lists.stage.<id>) for built-in stages.
 */
export const DEFAULT_PIPELINE: PipelineValue = {
  name: 'default',
  stages: [
    { id: 'qualify', name: 'qualify', probability: 10, outcome: 'open', requiredFields: [] },
    { id: 'needs', name: 'needs', probability: 20, outcome: 'open', requiredFields: ['contactId'] },
    {
      id: 'proposal',
      name: 'proposal',
      probability: 40,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate'],
    },
    {
      id: 'quote',
      name: 'quote',
      probability: 60,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate', 'budget', 'decisionMakerId', 'competitor'],
    },
    {
      id: 'negotiation',
      name: 'negotiation',
      probability: 80,
      outcome: 'open',
      requiredFields: ['amount', 'closeDate'],
    },
    { id: 'won', name: 'won', probability: 100, outcome: 'won', requiredFields: ['amount'] },
    { id: 'lost', name: 'lost', probability: 0, outcome: 'lost', requiredFields: ['lostReason'] },
  ],
};

/** Spacing between deal ranks on the board, so a drop between two cards rarely needs a renumber. */
export const RANK_STEP = 1024;

/**
 * Follow-up rules until an admin changes them (issue 18): a new lead idle 48 working hours reminds its owner and
 * 24 more escalate to the owner's managers; an open deal idle 14 working days reminds, 7 more escalate; a payment
 * instalment overdue 7 days escalates; renewals at 90/60/30 days before the end; birthdays 3 days and customer
 * anniversaries 7 days ahead.
 */
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRulesValue = {
  workingDaysOnly: true,
  leadNoActivity: { enabled: true, remindAfterHours: 48, escalateAfterHours: 24 },
  dealNoActivity: { enabled: true, remindAfterDays: 14, escalateAfterDays: 7, stages: [] },
  taskOverdue: { enabled: true },
  paymentOverdue: { enabled: true, escalateAfterDays: 7 },
  contractRenewal: { enabled: true, windowsDays: [90, 60, 30] },
  birthday: { enabled: true, leadDays: 3 },
  anniversary: { enabled: true, leadDays: 7 },
};

/**
 * Lead scoring until an admin changes it (issue 19). Worked: a referral (25) with company, mobile, title and
 * industry filled in (5 + 10 + 5 + 5) in manufacturing (section C: 10) scores 60, an MQL (≥ 40); two calls in the
 * last 30 days add 2 × 10 → 80, an SQL (≥ 70). A website lead with only a name scores 10.
 */
export const DEFAULT_LEAD_SCORING: LeadScoringValue = {
  enabled: true,
  mqlThreshold: 40,
  sqlThreshold: 70,
  sourcePoints: {
    website: 10,
    form: 15,
    ads: 10,
    event: 20,
    referral: 25,
    import: 5,
    coldCall: 5,
    partner: 20,
    wecom: 15,
  },
  completenessPoints: { company: 5, mobile: 10, email: 5, title: 5, industry: 5, region: 5 },
  engagement: { days: 30, pointsPerActivity: 10, maxPoints: 30 },
  sizePoints: { '100-499': 5, '500-999': 10, '1000-4999': 10, '5000+': 10 },
  industryPoints: { C: 10, I: 10, J: 5, M: 5 },
};

/**
 * Lead assignment until an admin turns it on (issue 19): off, so leads of existing workspaces keep the owner they
 * are given; no rules, no cap, no fallback owner.
 */
export const DEFAULT_LEAD_ASSIGNMENT: LeadAssignmentValue = {
  enabled: false,
  rules: [],
  capacity: 0,
  fallbackOwnerId: '',
};

/** Ticket routing until an admin turns it on (issue 21): off, no agents, no fallback queue. */
export const DEFAULT_TICKET_ROUTING: TicketRoutingValue = {
  enabled: false,
  agents: [],
  fallback: { kind: 'none' },
};

/**
 * Approval routing before an admin changes it (issue 20): reps may give up to 10 % off and managers 20 %; larger
 * discounts and contracts above ¥500,000 go to the requester's manager, and from ¥1,000,000 on to an admin as well.
 */
export const DEFAULT_APPROVAL_RULES: ApprovalRulesValue = {
  discountThresholds: { rep: 10, manager: 20, admin: 100, viewer: 0 },
  contractThreshold: 500_000,
  rules: [
    {
      id: 'discount-large',
      kind: 'discount',
      minAmount: 1_000_000,
      steps: [
        { approverKind: 'manager', role: '', memberIds: [] },
        { approverKind: 'role', role: 'admin', memberIds: [] },
      ],
    },
    {
      id: 'contract-large',
      kind: 'contract',
      minAmount: 1_000_000,
      steps: [
        { approverKind: 'manager', role: '', memberIds: [] },
        { approverKind: 'role', role: 'admin', memberIds: [] },
      ],
    },
  ],
};

/**
 * Account health before an admin changes it (issue 21): 100 points, of which no contact for 90 days costs 25, two
 * breached tickets 20, two overdue instalments 15, five open tickets 10, poor CSAT and NPS 10 each and a renewal
 * due today 10. Below 50 (or 15 points lost within 30 days) an account is a churn risk; below 70 it is watched.
 */
export const DEFAULT_HEALTH_SCORING: HealthScoringValue = {
  weights: {
    recency: 25,
    openTickets: 10,
    breachedTickets: 20,
    csat: 10,
    nps: 10,
    overduePayments: 15,
    renewal: 10,
  },
  freshDays: 14,
  staleDays: 90,
  openTicketsFull: 5,
  breachedTicketsFull: 2,
  overdueFull: 2,
  windowDays: 90,
  renewalDays: 90,
  churnBelow: 50,
  watchBelow: 70,
  dropPoints: 15,
};

/**
 * The working calendar until an admin changes it (issue 21): Monday to Friday 09:00–12:00 and 13:00–18:00 (a lunch
 * break), China time (UTC+8), the mainland's statutory holidays and make-up working days (调休).
 */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendarValue = {
  utcOffsetMinutes: 480,
  weekHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) =>
    weekday === 0 || weekday === 6
      ? []
      : [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ],
  ),
  statutoryHolidays: true,
  daysOff: [],
  extraWorkingDays: [],
};

/** The key of the policy every workspace starts with (it applies while no policy is stored). */
export const DEFAULT_SLA_POLICY_KEY = 'sla-standard';
/**
 * The SLA policy until an admin stores one (issue 21), in business minutes (an 8-hour working day = 480):
 * urgent 30 min / 4 h, high 1 h / 8 h, normal 4 h / 3 days, low 8 h / 5 days; warning at 80 %.
 */
export const DEFAULT_SLA_POLICY: SlaPolicyValue = {
  name: 'Standard',
  tiers: [],
  targets: {
    urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    normal: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
  warnAtPercent: 80,
};

/** Contract numbers before an admin sets a pattern (issue 20): HT-202612-0001, restarting every year. */
export const DEFAULT_CONTRACT_NUMBERING: ContractNumberingValue = {
  pattern: 'HT-{YYYY}{MM}-{SEQ:4}',
  reset: 'yearly',
};
