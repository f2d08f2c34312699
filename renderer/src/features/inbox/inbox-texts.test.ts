import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import type { InboxItem } from '@shared/rules';
import { inboxItemMessage, inboxItemRoute, notificationText } from './inbox-texts';

const item = (patch: Partial<InboxItem> = {}): InboxItem => ({
  key: 'k',
  kind: 'reminder',
  rule: 'leadNoActivity',
  recipientId: 'rep',
  recordCollection: 'leads',
  recordId: 'lead-1',
  recordTitle: '上海云杉科技',
  dueAt: 0,
  params: { hours: '48' },
  ...patch,
});
const names = new Map([['rep-1', '王芳']]);
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('inbox texts', () => {
  it('say what the rule found, in both languages, with people named', () => {
    expect(inboxItemMessage(zh, item(), names)).toBe('线索已超过 48 小时没有跟进');
    expect(inboxItemMessage(en, item(), names)).toBe('No activity on this lead for over 48 hours');
    const escalation = item({
      kind: 'escalation',
      rule: 'leadNoActivityEscalation',
      params: { ownerId: 'rep-1' },
    });
    expect(inboxItemMessage(zh, escalation, names)).toBe('王芳 的线索超时未跟进');
    expect(inboxItemMessage(en, escalation, new Map())).toBe(
      "A colleague's lead has had no activity past its deadline",
    );
  });

  it('fall back to the kind for a rule without its own text', () => {
    expect(inboxItemMessage(en, item({ kind: 'keyDate', rule: 'somethingNew' }), names)).toBe(
      'A key date is coming up',
    );
  });

  it('open the record, what a task or approval is about, else the inbox', () => {
    expect(inboxItemRoute(item())).toBe('/leads/lead-1');
    expect(
      inboxItemRoute(
        item({
          recordCollection: 'activities',
          recordId: 'act-1',
          params: { relatedType: 'deal', relatedId: 'deal-9' },
        }),
      ),
    ).toBe('/deals/deal-9');
    // An approval opens on the Approvals page (issue 20); anything else without a page, the inbox.
    expect(
      inboxItemRoute(item({ recordCollection: 'approvals', recordId: 'ap-1', params: {} })),
    ).toBe('/approvals/ap-1');
    expect(inboxItemRoute(item({ recordCollection: 'settings', params: {} }))).toBe('/inbox');
  });

  it('group many follow-ups into "12 follow-ups are overdue", opening the inbox', () => {
    const group = Array.from({ length: 12 }, () => item());
    expect(notificationText(en, { kind: 'group', items: group }, names)).toEqual({
      title: '12 follow-ups are overdue',
      body: 'Open the inbox to see them',
      route: '/inbox',
    });
    expect(
      notificationText(zh, { kind: 'group', items: [...group, item({ kind: 'mention' })] }, names)
        .title,
    ).toBe('收件箱里有 13 项等你处理');
    expect(notificationText(zh, { kind: 'single', item: item() }, names)).toEqual({
      title: '线索已超过 48 小时没有跟进',
      body: '上海云杉科技',
      route: '/leads/lead-1',
    });
  });
});
