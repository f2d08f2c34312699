import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Activity, Contract, Deal, RelatedType, Ticket } from '@shared/domain';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { addDays, todayString } from '../../components/format';
import type { Repositories } from '../../data/repositories';

/** Days ahead that "My day" lists as upcoming. */
export const MY_DAY_HORIZON_DAYS = 7;

export type MyDayScope = 'mine' | 'all';

/** Hierarchical keys; the first element is the collection (app/live-invalidation.ts). */
export const activityKeys = {
  all: ['activities'] as const,
  myDay: (today: string, horizon: string, ownerId: string) =>
    [...activityKeys.all, 'myDay', today, horizon, ownerId] as const,
  recent: (limit: number) => [...activityKeys.all, 'recent', limit] as const,
  related: (relatedId: string) => [...activityKeys.all, 'related', relatedId] as const,
  timeline: (accountId: string) => [...activityKeys.all, 'timeline', accountId] as const,
  relatedLabels: (refs: string[]) => [...activityKeys.all, 'relatedLabels', refs] as const,
};

/** The collections a related record can live in, by its related type. */
const RELATED_COLLECTIONS = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'contracts',
  'tickets',
] as const;

/** Open tasks due up to a week ahead, split into overdue / today / upcoming; the current user's by default. */
export function useMyDay(scope: MyDayScope = 'mine') {
  const repos = useRepositories();
  const { session } = useWorkspace();
  const today = todayString();
  const horizon = addDays(today, MY_DAY_HORIZON_DAYS);
  const ownerId = scope === 'mine' ? session.userId : '';
  return useQuery({
    queryKey: activityKeys.myDay(today, horizon, ownerId),
    queryFn: () => repos.activities.myDay(today, horizon, ownerId || undefined),
  });
}

/** The latest logged interactions (calls, visits, meetings, e-mails, notes; tasks are listed separately). */
export function useRecentActivities(limit = 10) {
  const repos = useRepositories();
  return useQuery({
    queryKey: activityKeys.recent(limit),
    queryFn: async () =>
      (await repos.activities.recent(limit * 4, 0))
        .filter((a) => a.type !== 'task')
        .slice(0, limit),
  });
}

/** Activities and tasks attached to one record (a deal, ticket, contract, lead, contact or account). */
export function useActivitiesByRelated(relatedId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: activityKeys.related(relatedId ?? ''),
    queryFn: () => repos.activities.byRelated(relatedId ?? ''),
    enabled: !!relatedId,
  });
}

export type TimelineItem =
  | { kind: 'activity'; id: string; at: number; ownerId: string; activity: Activity }
  | { kind: 'deal'; id: string; at: number; ownerId: string; deal: Deal }
  | { kind: 'ticket'; id: string; at: number; ownerId: string; ticket: Ticket }
  | { kind: 'contract'; id: string; at: number; ownerId: string; contract: Contract };

/** Epoch ms of a 'YYYY-MM-DD' date at local midnight, or the fallback when the date is unset. */
function dateToEpoch(date: string, fallback: number): number {
  if (!date) return fallback;
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/**
 * One customer timeline (单一客户视图): activities, deals, tickets and contracts merged,
 * newest first. Deals and tickets appear when they were opened, contracts when they were signed.
 */
export async function loadAccountTimeline(
  repos: Repositories,
  accountId: string,
): Promise<TimelineItem[]> {
  const [activities, deals, tickets, contracts] = await Promise.all([
    repos.activities.byAccount(accountId),
    repos.deals.byAccount(accountId),
    repos.tickets.byAccount(accountId),
    repos.contracts.byAccount(accountId),
  ]);
  const items: TimelineItem[] = [
    ...activities.map((activity): TimelineItem => ({
      kind: 'activity',
      id: activity.id,
      at: activity.occurredAt,
      ownerId: activity.ownerId,
      activity,
    })),
    ...deals.map((deal): TimelineItem => ({
      kind: 'deal',
      id: deal.id,
      at: deal.createdAt,
      ownerId: deal.ownerId,
      deal,
    })),
    ...tickets.map((ticket): TimelineItem => ({
      kind: 'ticket',
      id: ticket.id,
      at: ticket.createdAt,
      ownerId: ticket.ownerId,
      ticket,
    })),
    ...contracts.map((contract): TimelineItem => ({
      kind: 'contract',
      id: contract.id,
      at: dateToEpoch(contract.signedDate, contract.createdAt),
      ownerId: contract.ownerId,
      contract,
    })),
  ];
  return items.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

export function useAccountTimeline(accountId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: activityKeys.timeline(accountId ?? ''),
    queryFn: () => loadAccountTimeline(repos, accountId ?? ''),
    enabled: !!accountId,
    meta: { collections: ['deals', 'tickets', 'contracts'] },
  });
}

export interface RelatedRef {
  relatedType: RelatedType | '';
  relatedId: string;
}

/** Display name of the record an activity belongs to (account name, deal name, ticket number + subject …). */
async function loadRelatedLabels(
  repos: Repositories,
  refs: RelatedRef[],
): Promise<Map<string, string>> {
  const idsByType = new Map<RelatedType, string[]>();
  for (const ref of refs) {
    if (!ref.relatedType || !ref.relatedId) continue;
    const ids = idsByType.get(ref.relatedType) ?? [];
    if (!ids.includes(ref.relatedId)) ids.push(ref.relatedId);
    idsByType.set(ref.relatedType, ids);
  }
  const labels = new Map<string, string>();
  const add = <T extends { id: string }>(records: Map<string, T>, label: (record: T) => string) => {
    for (const record of records.values()) labels.set(record.id, label(record));
  };
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      switch (type) {
        case 'account':
          return add(await repos.accounts.getMany(ids), (r) => r.name);
        case 'contact':
          return add(await repos.contacts.getMany(ids), (r) => r.name);
        case 'lead':
          return add(await repos.leads.getMany(ids), (r) =>
            r.company ? `${r.name} · ${r.company}` : r.name,
          );
        case 'deal':
          return add(await repos.deals.getMany(ids), (r) => r.name);
        case 'contract':
          return add(await repos.contracts.getMany(ids), (r) => `${r.number} ${r.title}`);
        case 'ticket':
          return add(await repos.tickets.getMany(ids), (r) => `${r.number} ${r.subject}`);
      }
    }),
  );
  return labels;
}

/** id → display name of the related records of a list of activities (for "related to …" links). */
export function useRelatedLabels(refs: RelatedRef[]): Map<string, string> {
  const repos = useRepositories();
  const keyRefs = useMemo(
    () =>
      [
        ...new Set(
          refs
            .filter((r) => r.relatedType && r.relatedId)
            .map((r) => `${r.relatedType}:${r.relatedId}`),
        ),
      ].sort(),
    [refs],
  );
  const { data } = useQuery({
    queryKey: activityKeys.relatedLabels(keyRefs),
    queryFn: () =>
      loadRelatedLabels(
        repos,
        keyRefs.map((key) => {
          const at = key.indexOf(':');
          return { relatedType: key.slice(0, at) as RelatedType, relatedId: key.slice(at + 1) };
        }),
      ),
    enabled: keyRefs.length > 0,
    placeholderData: (previous) => previous,
    meta: { collections: [...RELATED_COLLECTIONS] },
  });
  return data ?? EMPTY_LABELS;
}

const EMPTY_LABELS = new Map<string, string>();
