import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/format';

const MAX_LENGTH = 80;
/** Fields holding the id of a person or team: shown by name when the replica knows it. */
const MEMBER_FIELDS = new Set(['ownerId', 'teamId', 'assigneeId', 'createdBy', 'updatedBy', 'requesterId', 'decidedBy', 'parentTeamId', 'teamIds']);

export interface FormatValueOptions {
  field?: string;
  /** id → name of users and teams. */
  names?: ReadonlyMap<string, string>;
}

function short(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/**
 * One field value as a short text for history and the inbox: strings as they are, numbers, lists joined,
 * objects as short JSON; timestamps (…At) as date and time, member ids by name. Empty values are "—".
 */
export function formatValue(value: unknown, t: TFunction, options: FormatValueOptions = {}): string {
  const { field = '', names } = options;
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return short(MEMBER_FIELDS.has(field) ? (names?.get(value) ?? value) : value);
  if (typeof value === 'number') return field.endsWith('At') && value > 1e11 ? formatDateTime(value) : String(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return short(value.map((item) => (MEMBER_FIELDS.has(field) ? (names?.get(String(item)) ?? String(item)) : String(item))).join(', '));
    }
    return short(JSON.stringify(value));
  }
  return short(JSON.stringify(value));
}
