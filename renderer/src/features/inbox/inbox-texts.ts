import type { TFunction } from 'i18next';
import type { CollectionName } from '@shared/domain';
import { RECORD_KINDS, recordRoute, type RecordKind } from '@shared/ipc/app-routes';
import type { InboxItem, PlannedNotification } from '@shared/rules';
import type { ReminderInput } from '@shared/ipc/contract';

/** Record collections with a page of their own, by the kind their route names. */
const KIND_OF_COLLECTION: Partial<Record<CollectionName, RecordKind>> = {
  accounts: 'account',
  contacts: 'contact',
  leads: 'lead',
  deals: 'deal',
  contracts: 'contract',
  tickets: 'ticket',
};

function routeOf(kind: string | undefined, id: string | undefined): string | null {
  if (!kind || !id || !(RECORD_KINDS as readonly string[]).includes(kind)) return null;
  return recordRoute(kind as RecordKind, id);
}

/**
 * Where an item opens: its record's page; a task or an approval opens what it is about (its related record or
 * subject), else the inbox itself.
 */
export function inboxItemRoute(item: InboxItem): string {
  // An approval opens on the Approvals page, with its context and the decision (issue 20).
  if (item.recordCollection === 'approvals') return `/approvals/${item.recordId}`;
  const kind = KIND_OF_COLLECTION[item.recordCollection];
  const own = kind ? recordRoute(kind, item.recordId) : null;
  return (
    own ??
    routeOf(item.params.relatedType, item.params.relatedId) ??
    routeOf(item.params.subjectType, item.params.subjectId) ??
    '/inbox'
  );
}

/**
 * The item's message params with people's names: every `<x>Id` param naming a member also gives `<x>` its name
 * (ownerId → owner), unless the rule already set it.
 */
export function messageParams(
  item: InboxItem,
  names: ReadonlyMap<string, string>,
  someone: string,
): Record<string, string> {
  const params: Record<string, string> = { ...item.params };
  for (const [key, value] of Object.entries(item.params)) {
    if (!key.endsWith('Id') || key.length <= 2) continue;
    const name = key.slice(0, -2);
    if (params[name] === undefined || params[name] === '')
      params[name] = names.get(value) ?? someone;
  }
  return params;
}

/** What the item asks, in the person's language ("No activity on this lead for over 48 hours"). */
export function inboxItemMessage(
  t: TFunction,
  item: InboxItem,
  names: ReadonlyMap<string, string>,
): string {
  return t([`inboxItems.rules.${item.rule}`, `inboxItems.fallback.${item.kind}`], {
    ...messageParams(item, names, t('inboxItems.someone')),
  });
}

/** A planned notification as the bridge shows it: one item opens its record, a group opens the inbox. */
export function notificationText(
  t: TFunction,
  notification: PlannedNotification,
  names: ReadonlyMap<string, string>,
): ReminderInput {
  if (notification.kind === 'single') {
    const { item } = notification;
    return {
      title: inboxItemMessage(t, item, names),
      body: item.recordTitle,
      route: inboxItemRoute(item),
    };
  }
  const count = notification.items.length;
  const followUps = notification.items.every(
    (item) => item.kind === 'reminder' || item.kind === 'escalation',
  );
  return {
    title: t(followUps ? 'inboxItems.notify.followUps' : 'inboxItems.notify.group', { count }),
    body: t('inboxItems.notify.groupBody'),
    route: '/inbox',
  };
}
