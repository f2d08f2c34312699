import type { Bilingual } from './types';

/**
 * What waits to sync (issue 15 "Pending changes where they are"): the header's counts, the marks on records and
 * rows, the page of waiting changes, and values overruled by a later edit on another laptop.
 */
export const pending: Bilingual = {
  'zh-CN': {
    app: { nav: { pending: '等待同步' } },
    sync: {
      pendingEdits_one: '{{count}} 处修改 · {{records}}待同步',
      pendingEdits_other: '{{count}} 处修改 · {{records}}待同步',
      pendingRecords_one: '{{count}} 条记录',
      pendingRecords_other: '{{count}} 条记录',
      overruled: {
        laterEdit:
          '在另一台电脑上更晚修改：{{keptBy}} 于 {{keptAt}} 修改了“{{field}}”，晚于你在 {{lostAt}} 的修改，所以保留了对方的值。',
        tie: '两台电脑在同一时刻修改了“{{field}}”（{{keptBy}}，{{keptAt}}）：按固定的设备顺序保留了对方的值。',
        editKeepsItem:
          '“{{field}}”中的这一项在另一台电脑上被修改（{{keptBy}}，{{keptAt}}），所以保留了它；你在 {{lostAt}} 的删除没有生效。',
      },
    },
    pending: {
      title: '等待同步的修改',
      intro: '这些修改已保存在这台电脑上，服务器还没有确认。联网后会自动上传，不需要做任何操作。',
      offline: '当前离线：联网后会自动同步。',
      empty: '没有等待同步的修改：服务器已确认这台电脑上的所有修改。',
      localWorkspace: '本地工作区不与服务器同步，所有修改都只保存在这台电脑上。',
      totals: '{{edits}}，涉及 {{records}}',
      edits_one: '{{count}} 处修改',
      edits_other: '{{count}} 处修改',
      columns: { record: '记录', fields: '未同步的字段', since: '最早修改于', device: '设备' },
      newRecord: '新记录',
      deleted: '已删除',
      noFields: '再次保存（没有字段变化）',
      mark: '未同步：{{fields}} · {{since}}',
      markHint: '这些修改只保存在这台电脑上，服务器还没有确认。联网后会自动同步。',
      thisDevice: '这台电脑',
      deviceName: '{{name}}（这台电脑）',
      refused: '服务器没有接受的修改在“未被接受的修改”页：{{count}} 项',
      openRefused: '查看未被接受的修改',
      untitled: '（无名称）',
    },
    inbox: {
      waiting: '另有 {{what}}等待同步（还没有上传，不是被拒绝）。',
      openWaiting: '查看等待同步的修改',
      emptyRefused: '服务器没有拒绝任何修改。',
      overruledTitle: '被更晚的修改覆盖',
      overruledHint:
        '你的值没有丢失：可以把它恢复为一次新的修改（会像其他修改一样同步和合并），或者忽略。',
      restore: '恢复我的值',
      dismiss: '忽略',
      restored: '已恢复你的值，正在同步到服务器',
      dismissed: '已忽略',
      itemOf: '{{field}}中的一项',
      itemGone: '这一项已不在记录中，无法恢复这个值。',
      recordGone: '这条记录已不在本机，无法恢复这个值。',
      columns: { lost: '你的值', kept: '当前的值' },
    },
  },
  en: {
    app: { nav: { pending: 'Waiting to sync' } },
    sync: {
      pendingEdits_one: '{{count}} edit on {{records}} waiting to sync',
      pendingEdits_other: '{{count}} edits on {{records}} waiting to sync',
      pendingRecords_one: '{{count}} record',
      pendingRecords_other: '{{count}} records',
      overruled: {
        laterEdit:
          'Edited later on another laptop: {{keptBy}} changed "{{field}}" at {{keptAt}}, after your edit at {{lostAt}}, so their value was kept.',
        tie: 'Edited at the same moment on two laptops ("{{field}}", {{keptBy}}, {{keptAt}}): a fixed device order kept their value.',
        editKeepsItem:
          'This item of "{{field}}" was edited on another laptop ({{keptBy}}, {{keptAt}}), so it was kept; your deletion at {{lostAt}} did not apply.',
      },
    },
    pending: {
      title: 'Waiting to sync',
      intro:
        'These changes are saved on this computer and not yet confirmed by the server. They upload by themselves once you are online; nothing to do.',
      offline: 'You are offline: changes sync once you are back online.',
      empty: 'Nothing waiting: the server has confirmed every change made on this computer.',
      localWorkspace: 'A local workspace does not sync: every change stays on this computer.',
      totals: '{{edits}} on {{records}}',
      edits_one: '{{count}} edit',
      edits_other: '{{count}} edits',
      columns: {
        record: 'Record',
        fields: 'Fields not synced',
        since: 'First edited',
        device: 'Device',
      },
      newRecord: 'New record',
      deleted: 'Deleted',
      noFields: 'Saved again (no field changed)',
      mark: 'Not synced: {{fields}} · {{since}}',
      markHint:
        'These changes are only on this computer; the server has not confirmed them yet. They sync once you are online.',
      thisDevice: 'This computer',
      deviceName: '{{name}} (this computer)',
      refused: 'Changes the server did not accept are on the "Not accepted" page: {{count}}',
      openRefused: 'See changes not accepted',
      untitled: '(no name)',
    },
    inbox: {
      waiting: 'Also {{what}} waiting to sync (not uploaded yet, not refused).',
      openWaiting: 'See changes waiting to sync',
      emptyRefused: 'The server has not refused any change.',
      overruledTitle: 'Overwritten by a later edit',
      overruledHint:
        'Your value is not lost: put it back as a new edit (synced and merged like any other), or dismiss this.',
      restore: 'Put my value back',
      dismiss: 'Dismiss',
      restored: 'Your value is back and syncing to the server',
      dismissed: 'Dismissed',
      itemOf: 'an item of {{field}}',
      itemGone: 'This item is no longer in the record: the value cannot be put back.',
      recordGone: 'This record is no longer on this computer: the value cannot be put back.',
      columns: { lost: 'Your value', kept: 'Current value' },
    },
  },
};
