import type { TFunction } from 'i18next';
import type { UnsyncedWork } from '../../../data/unsynced-work';

/**
 * The sign-out warning for unsynced work, e.g. "3 条记录和 2 份客户计划/会议纪要尚未同步…"; null when nothing is
 * waiting. Each part is counted with its own plural form.
 */
export function unsyncedWarning(t: TFunction, work: UnsyncedWork): string | null {
  const records = work.records > 0 ? t('sync.unsyncedRecords', { count: work.records }) : null;
  const documents =
    work.documents > 0 ? t('sync.unsyncedDocuments', { count: work.documents }) : null;
  const what =
    records && documents ? t('sync.unsyncedBoth', { records, documents }) : (records ?? documents);
  return what ? t('sync.signOutUnsynced', { what }) : null;
}
