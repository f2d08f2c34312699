import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/format';

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
]);

/** Controlled-list fields whose codes have labels (lists.<list>.<code>, industry.<code>). */
const LIST_BY_FIELD: Record<string, string> = {
  sizeBand: 'lists.sizeBand',
  region: 'lists.region',
  source: 'lists.source',
  tier: 'lists.tier',
  decisionRole: 'lists.decisionRole',
  decisionPower: 'lists.decisionPower',
  priority: 'lists.ticketPriority',
  stage: 'lists.stage',
  role: 'lists.memberRole',
  tags: 'lists.lifecycleTag',
  industry: 'industry',
  relatedType: 'lists.relatedType',
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
}

function short(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/**
 * One field value as a short text for history and the inbox: strings as they are, numbers, lists joined,
 * objects as short JSON; timestamps (…At) as date and time, member ids by name, list codes by their label.
 * Empty values are "—".
 */
export function formatValue(
  value: unknown,
  t: TFunction,
  options: FormatValueOptions = {},
): string {
  const { field = '', names, collection } = options;
  const text = (item: string) =>
    MEMBER_FIELDS.has(field) ? (names?.get(item) ?? item) : listLabel(t, item, field, collection);
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return short(text(value));
  if (typeof value === 'number')
    return field.endsWith('At') && value > 1e11 ? formatDateTime(value) : String(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return short(value.map((item) => text(String(item))).join(', '));
    }
    return short(JSON.stringify(value));
  }
  return short(JSON.stringify(value));
}
