/**
 * Controlled lists (data standards: no free-text "other"). Values are stable English codes;
 * labels live in the renderer's i18n files (lists.<name>.<code>), zh-CN first.
 */
export const LEAD_SOURCES = [
  'website',
  'form',
  'ads',
  'event',
  'referral',
  'import',
  'coldCall',
  'partner',
  'wecom',
] as const;
export const SIZE_BANDS = ['1-19', '20-99', '100-499', '500-999', '1000-4999', '5000+'] as const;
export const ACCOUNT_TIERS = ['A', 'B', 'C', 'D'] as const;
export const ACCOUNT_STATUSES = ['prospect', 'customer', 'partner', 'churned'] as const;
export const LIFECYCLE_TAGS = [
  'mql',
  'sql',
  'keyAccount',
  'churnRisk',
  'renewal',
  'upsell',
] as const;
export const DECISION_ROLES = [
  'decisionMaker',
  'economicBuyer',
  'technicalBuyer',
  'influencer',
  'champion',
  'user',
  'gatekeeper',
] as const;
export const DECISION_POWERS = ['high', 'medium', 'low'] as const;
export const LEAD_STATUSES = [
  'new',
  'contacted',
  'qualified',
  'disqualified',
  'converted',
] as const;
/** Marketing qualification of a lead from its score (issue 19): marketing-qualified, then sales-qualified. */
export const LEAD_QUALIFICATIONS = ['mql', 'sql'] as const;
/** A campaign's channel (市场活动渠道, issue 19). */
export const CAMPAIGN_CHANNELS = [
  'searchAds',
  'socialMedia',
  'exhibition',
  'seminar',
  'webinar',
  'email',
  'content',
  'partner',
  'offline',
] as const;
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export const PAYMENT_METHODS = [
  'bankTransfer',
  'check',
  'cash',
  'alipay',
  'wechatPay',
  'other',
] as const;
export const TICKET_TYPES = ['question', 'incident', 'request', 'complaint'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
/** 'comment': a comment in a record's thread (issue 18) — never logged through the activity form, never customer contact. */
export const ACTIVITY_TYPES = [
  'call',
  'meeting',
  'email',
  'visit',
  'note',
  'task',
  'comment',
  'nps',
] as const;
/** The types a person logs through the activity form (and imports): every type but comments. */
export const LOGGED_ACTIVITY_TYPES = ['call', 'meeting', 'email', 'visit', 'note', 'task'] as const;
export const RELATED_TYPES = ['account', 'contact', 'lead', 'deal', 'contract', 'ticket'] as const;
export const APPROVAL_KINDS = ['discount', 'contract', 'expense'] as const;
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
/** Who decides an approval step (issue 20): the requester's manager, anyone with a role, or named members. */
export const APPROVER_KINDS = ['manager', 'role', 'members'] as const;
/** Forecast categories a rep sets on an open deal (issue 20); '' = not set (counts as pipeline). */
export const FORECAST_CATEGORIES = ['commit', 'bestCase', 'pipeline', 'omitted'] as const;
/** A quote version's life (issue 20): drafts are edited; a sent version is frozen. */
export const QUOTE_STATUSES = [
  'draft',
  'pendingApproval',
  'approved',
  'sent',
  'accepted',
  'rejected',
] as const;
/** Languages a ticket is handled in, for skill routing (issue 21). */
export const TICKET_LANGUAGES = ['zh', 'en'] as const;
/** `viewer`: reads like a manager (or the whole workspace with no team), writes nothing but their own saved filters. */
export const MEMBER_ROLES = ['rep', 'manager', 'admin', 'viewer'] as const;
export const REGIONS = [
  'beijing',
  'tianjin',
  'hebei',
  'shanxi',
  'neimenggu',
  'liaoning',
  'jilin',
  'heilongjiang',
  'shanghai',
  'jiangsu',
  'zhejiang',
  'anhui',
  'fujian',
  'jiangxi',
  'shandong',
  'henan',
  'hubei',
  'hunan',
  'guangdong',
  'guangxi',
  'hainan',
  'chongqing',
  'sichuan',
  'guizhou',
  'yunnan',
  'xizang',
  'shaanxi',
  'gansu',
  'qinghai',
  'ningxia',
  'xinjiang',
  'hongkong',
  'macao',
  'taiwan',
  'overseas',
] as const;

export type LeadSource = (typeof LEAD_SOURCES)[number];
export type SizeBand = (typeof SIZE_BANDS)[number];
export type DecisionRole = (typeof DECISION_ROLES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type LoggedActivityType = (typeof LOGGED_ACTIVITY_TYPES)[number];
export type RelatedType = (typeof RELATED_TYPES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type Region = (typeof REGIONS)[number];

/**
 * Allowed ticket status changes. A closed ticket can be reopened (customers come back); a new ticket is
 * opened when someone starts working on it.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};
