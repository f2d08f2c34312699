import type { TFunction } from 'i18next';
import { formatDateTime, formatMoney } from '../../components/format';
import { stageLabel } from '../settings/stage-label';

const MAX_LENGTH = 80;
/** Fields holding the id of a person or team: shown by name when the replica knows it. */
const MEMBER_FIELDS = new Set([
  'ownerId',
  'teamId',
  'assigneeId',
  'createdBy',
  'updatedBy',
  'requesterId',
  'decidedBy',
  'parentTeamId',
  'teamIds',
  'readOnlyTeamIds',
  'memberId',
]);

/**
 * Fields holding the id of another record, and the collection it is in (null: any of them, e.g. an activity's
 * `relatedId`, whose type is another field). Shown by the record's name from the replica, never as an id.
 */
export const REFERENCE_FIELDS: Readonly<Record<string, string | null>> = {
  accountId: 'accounts',
  contactId: 'contacts',
  decisionMakerId: 'contacts',
  dealId: 'deals',
  convertedAccountId: 'accounts',
  convertedContactId: 'contacts',
  convertedDealId: 'deals',
  relatedId: null,
  subjectId: null,
};

/** Amounts of money (CNY): formatted for the user's language. */
const MONEY_FIELDS = new Set(['amount', 'unitPrice', 'budgetAmount']);
/** Percentages. */
const PERCENT_FIELDS = new Set(['probability', 'discount']);

/** Controlled-list fields whose codes have labels (lists.<list>.<code>, industry.<code>). */
const LIST_BY_FIELD: Record<string, string> = {
  sizeBand: 'lists.sizeBand',
  region: 'lists.region',
  source: 'lists.source',
  tier: 'lists.tier',
  decisionRole: 'lists.decisionRole',
  decisionPower: 'lists.decisionPower',
  priority: 'lists.ticketPriority',
  role: 'lists.memberRole',
  tags: 'lists.lifecycleTag',
  industry: 'industry',
  relatedType: 'lists.relatedType',
  subjectType: 'lists.relatedType',
  approverRole: 'lists.memberRole',
  method: 'lists.paymentMethod',
};
const LIST_BY_COLLECTION_FIELD: Record<string, Record<string, string>> = {
  accounts: { status: 'lists.accountStatus' },
  leads: { status: 'lists.leadStatus' },
  deals: { status: 'lists.dealStatus' },
  contracts: { status: 'lists.contractStatus' },
  tickets: { status: 'lists.ticketStatus', type: 'lists.ticketType' },
  activities: { type: 'lists.activityType' },
  approvals: { status: 'lists.approvalStatus', kind: 'lists.approvalKind' },
};

/** The labels of the fields of one item of a list of items (a deal's line item, a contract's payment). */
const ITEM_KEY_LABELS: Record<string, string> = {
  lineItems: 'deals.lineItems',
  paymentPlan: 'contracts.plan',
  payments: 'contracts.payments',
};
const ITEM_KEY_NAMES: Record<string, string> = { planItemId: 'planItem' };

function listLabel(t: TFunction, value: string, field: string, collection?: string): string {
  const list =
    (collection && LIST_BY_COLLECTION_FIELD[collection]?.[field]) || LIST_BY_FIELD[field];
  return list ? t(`${list}.${value}`, { defaultValue: value }) : value;
}

export interface FormatValueOptions {
  field?: string;
  /** The record's collection, for fields whose labels depend on it (status, type). */
  collection?: string;
  /** id → name of users and teams. */
  names?: ReadonlyMap<string, string>;
  /** id → name (or title) of the records the history refers to (REFERENCE_FIELDS); ids the map lacks read "unknown". */
  refs?: ReadonlyMap<string, string>;
  /** The deal pipeline's stages: id → label in the user's language. */
  stages?: ReadonlyMap<string, string>;
  /** The user's language, for money. Without it amounts are plain numbers. */
  language?: string;
}

function short(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** The label of one field of a list item (`quantity` of a line item: 数量). */
export function itemKeyLabel(t: TFunction, list: string, key: string): string {
  const prefix = ITEM_KEY_LABELS[list];
  const name = ITEM_KEY_NAMES[key] ?? key;
  return prefix
    ? t(`${prefix}.${name}`, { defaultValue: t(`fields.${key}`, { defaultValue: key }) })
    : t(`fields.${key}`, { defaultValue: key });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One item of a list of items as people read it: a line item as "产品 × 2 · ¥1,000 · −10%", a planned payment as
 * "2026-03-01 · ¥50,000 · 首付款", a payment as "2026-03-01 · ¥50,000 · 银行转账"; other items as their fields.
 */
export function formatItem(
  list: string,
  item: unknown,
  t: TFunction,
  options: FormatValueOptions = {},
): string {
  if (!isObject(item)) return formatValue(item, t, options);
  const value = (key: string) => formatValue(item[key], t, { ...options, field: key });
  const present = (key: string) => item[key] !== undefined && item[key] !== '' && item[key] !== 0;
  const parts: string[] = [];
  if (list === 'lineItems') {
    parts.push(`${value('product')} × ${value('quantity')}`, value('unitPrice'));
    if (present('discount')) parts.push(`−${value('discount')}`);
  } else if (list === 'paymentPlan') {
    parts.push(value('dueDate'), value('amount'));
    if (present('note')) parts.push(value('note'));
  } else if (list === 'payments') {
    parts.push(value('date'), value('amount'), value('method'));
    if (present('note')) parts.push(value('note'));
  } else {
    for (const key of Object.keys(item))
      if (key !== 'id') parts.push(`${itemKeyLabel(t, list, key)}: ${value(key)}`);
  }
  return parts.join(' · ');
}

/**
 * One field value as a short text for history and the inbox: strings as they are, lists joined, items of a
 * list read one by one; timestamps (…At) as date and time, money for the locale, percentages; people, teams
 * and referenced records by name (an id the replica does not know reads "unknown", never as an id); list
 * codes and pipeline stages by their label. Empty values are "—".
 */
export function formatValue(
  value: unknown,
  t: TFunction,
  options: FormatValueOptions = {},
): string {
  const { field = '', names, collection, refs, stages, language } = options;
  const text = (item: string) => {
    if (MEMBER_FIELDS.has(field)) return names?.get(item) ?? t('history.unknownPerson');
    // Without names to look in (the inbox) the id is all there is.
    if (field in REFERENCE_FIELDS)
      return refs ? (refs.get(item) ?? t('history.unknownRecord')) : item;
    if (field === 'stage' && (collection === 'deals' || collection === undefined))
      return stages?.get(item) ?? stageLabel(t, item);
    return listLabel(t, item, field, collection);
  };
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return short(text(value));
  if (typeof value === 'number') {
    if (field.endsWith('At') && value > 1e11) return formatDateTime(value);
    if (MONEY_FIELDS.has(field) && language) return formatMoney(value, language);
    if (PERCENT_FIELDS.has(field)) return `${value}%`;
    return String(value);
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return short(value.map((item) => text(String(item))).join(', '));
    }
    if (value.every(isObject))
      return short(value.map((item) => formatItem(field, item, t, options)).join('; '));
    return short(JSON.stringify(value));
  }
  return short(JSON.stringify(value));
}
