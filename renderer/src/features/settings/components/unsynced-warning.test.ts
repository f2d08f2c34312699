import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { unsyncedWarning } from './unsynced-warning';

describe('the sign-out warning counts records and documents', () => {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('names both counts, zh-CN first', () => {
    expect(unsyncedWarning(zh, { records: 3, documents: 2 })).toBe(
      '3 条记录和 2 份客户计划/会议纪要尚未同步，现在退出会丢失这些修改。',
    );
    expect(unsyncedWarning(en, { records: 3, documents: 2 })).toBe(
      'Not synced yet: 3 records and 2 account plans or notes. Signing out now loses them.',
    );
  });

  it('names only what is waiting, in the singular for one', () => {
    expect(unsyncedWarning(zh, { records: 0, documents: 1 })).toBe(
      '1 份客户计划/会议纪要尚未同步，现在退出会丢失这些修改。',
    );
    expect(unsyncedWarning(en, { records: 0, documents: 1 })).toBe(
      'Not synced yet: 1 account plan or note. Signing out now loses them.',
    );
    expect(unsyncedWarning(en, { records: 1, documents: 0 })).toBe(
      'Not synced yet: 1 record. Signing out now loses them.',
    );
  });

  it('says nothing when everything is synced', () => {
    expect(unsyncedWarning(en, { records: 0, documents: 0 })).toBeNull();
  });
});
