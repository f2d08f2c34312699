import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import type { PendingChange } from '@sync/client/pending-change';
import { fieldLabel } from '../history/field-label';
import { NOT_TYPED_FIELDS } from '../inbox/inbox-model';

dayjs.extend(relativeTime);

/**
 * The fields a waiting change touches, each once and in the order first edited: a list item's paths
 * (`lineItems[<id>].quantity`) count for their list. Bookkeeping fields nobody types (keys derived from the name,
 * audit fields) are left out.
 */
export function pendingFieldNames(change: Pick<PendingChange, 'fields'>): string[] {
  const out: string[] = [];
  for (const field of [...change.fields].sort((a, b) => a.since - b.since))
    if (!NOT_TYPED_FIELDS.has(field.field) && !out.includes(field.field)) out.push(field.field);
  return out;
}

/** The fields in the person's language, joined ("金额、阶段"); a new record says so instead of listing everything. */
export function pendingFieldsText(
  t: TFunction,
  change: Pick<PendingChange, 'fields' | 'created' | 'collection' | 'deleted'>,
): string {
  if (change.deleted) return t('pending.deleted');
  if (change.created) return t('pending.newRecord');
  const names = pendingFieldNames(change);
  if (names.length === 0) return t('pending.noFields');
  return names.map((name) => fieldLabel(t, name, change.collection)).join(t('inbox.separator'));
}

/** "3 分钟前" / "3 minutes ago" in the UI language. */
export function sinceText(epochMs: number, language: string, now = Date.now()): string {
  return dayjs(epochMs)
    .locale(language === 'zh-CN' ? 'zh-cn' : 'en')
    .from(dayjs(now));
}
