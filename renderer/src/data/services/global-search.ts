import type { Account, Activity, Contact, Deal, Lead, Ticket } from '@shared/domain';
import type { Repositories } from '../repositories';
import type { TextIndex } from '../search/search-service';
import type { SearchKind as RecordKind } from '../search/search-text';
import type { PlanTextIndex } from './plan-text-index';

export type SearchKind =
  'accounts' | 'contacts' | 'leads' | 'deals' | 'tickets' | 'plans' | 'comments';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  /** Route of the record in the app. */
  href: string;
}

/**
 * Global search (Ctrl/Cmd+K) over accounts, contacts (names, mobiles, e-mails), leads, deals and tickets, and the
 * text of account plans and notes (the plan-text index on this device).
 * Records come from the search index (renderer/src/data/search: one query in its worker, then the few
 * records by id; B3); without an index (unit tests) from each repository's filtered page.
 */
export async function searchEverything(
  repos: Repositories,
  text: string,
  perKind = 5,
  plans?: PlanTextIndex,
  index?: TextIndex,
): Promise<SearchHit[]> {
  const query = text.trim();
  if (!query) return [];
  const [{ accounts, contacts, leads, deals, tickets }, planHits, comments] = await Promise.all([
    recordMatches(repos, query, perKind, index),
    plans ? searchPlans(repos, plans, query, perKind) : Promise.resolve([]),
    repos.activities.searchComments(query, perKind),
  ]);
  return [
    ...accounts.map((a) => ({
      kind: 'accounts' as const,
      id: a.id,
      title: a.name,
      subtitle: a.creditCode,
      href: `/accounts/${a.id}`,
    })),
    ...contacts.map((c) => ({
      kind: 'contacts' as const,
      id: c.id,
      title: c.name,
      subtitle: [c.title, c.mobile, c.email].filter(Boolean).join(' · '),
      href: c.accountId ? `/accounts/${c.accountId}` : '/contacts',
    })),
    ...leads.map((l) => ({
      kind: 'leads' as const,
      id: l.id,
      title: l.name,
      subtitle: [l.company, l.mobile].filter(Boolean).join(' · '),
      href: '/leads',
    })),
    ...deals.map((d) => ({
      kind: 'deals' as const,
      id: d.id,
      title: d.name,
      subtitle: d.closeDate,
      href: `/deals/${d.id}`,
    })),
    ...tickets.map((tk) => ({
      kind: 'tickets' as const,
      id: tk.id,
      title: tk.subject,
      subtitle: tk.number,
      href: `/tickets/${tk.id}`,
    })),
    ...planHits,
    // A comment opens the record it is on (issue 18).
    ...comments.map((c) => ({
      kind: 'comments' as const,
      id: c.id,
      title: c.subject,
      subtitle: '',
      href: commentHref(c),
    })),
  ];
}

/**
 * Where a comment opens: its record's page; a lead's opens the leads list with that lead's comments beside it,
 * a contact's the contacts list (neither has a detail page).
 */
function commentHref(comment: Activity): string {
  const { relatedType, relatedId } = comment;
  if (relatedType === 'contact') return '/contacts';
  return relatedType ? `/${relatedType}s/${relatedId}` : '/';
}

/**
 * Account plans, deal notes and meeting notes whose text matches (the plan-text index kept on this device),
 * titled by their record and opened where they live: the account's plan tab, the deal, the activity's account.
 */
async function searchPlans(
  repos: Repositories,
  plans: PlanTextIndex,
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const hits = await plans.search(query, limit);
  const resolved = await Promise.all(
    hits.map(async (hit): Promise<SearchHit | null> => {
      if (hit.kind === 'account-plan') {
        const account = await repos.accounts.get(hit.recordId);
        return account
          ? {
              kind: 'plans',
              id: hit.name,
              title: account.name,
              subtitle: hit.snippet,
              href: `/accounts/${account.id}?tab=plan`,
            }
          : null;
      }
      if (hit.kind === 'deal-notes') {
        const deal = await repos.deals.get(hit.recordId);
        return deal
          ? {
              kind: 'plans',
              id: hit.name,
              title: deal.name,
              subtitle: hit.snippet,
              href: `/deals/${deal.id}`,
            }
          : null;
      }
      const activity = await repos.activities.get(hit.recordId);
      return activity
        ? {
            kind: 'plans',
            id: hit.name,
            title: activity.subject,
            subtitle: hit.snippet,
            href: activity.accountId ? `/accounts/${activity.accountId}` : '/',
          }
        : null;
    }),
  );
  return resolved.filter((hit): hit is SearchHit => hit !== null);
}

interface RecordMatches {
  accounts: Account[];
  contacts: Contact[];
  leads: Lead[];
  deals: Deal[];
  tickets: Ticket[];
}

/** The best few records of each kind, in the index's order (title starts with the query first, then newer). */
async function recordMatches(
  repos: Repositories,
  query: string,
  perKind: number,
  index?: TextIndex,
): Promise<RecordMatches> {
  if (!index) {
    const [accounts, contacts, leads, deals, tickets] = await Promise.all([
      repos.accounts.listPage(
        { text: query },
        { field: 'updatedAt', direction: 'desc' },
        perKind,
        0,
      ),
      repos.contacts.listPage(query, perKind, 0),
      repos.leads.listPage({ text: query }, perKind, 0),
      repos.deals.listPage({ text: query }, perKind, 0),
      repos.tickets.listPage({ text: query }, perKind, 0),
    ]);
    return { accounts, contacts, leads, deals, tickets };
  }
  const hits = await index.search(query, perKind);
  const idsOf = (kind: RecordKind) => hits.filter((h) => h.kind === kind).map((h) => h.id);
  const pick = async <T extends { deleted: boolean }>(
    repo: { getMany(ids: string[]): Promise<Map<string, T>> },
    ids: string[],
  ): Promise<T[]> => {
    if (ids.length === 0) return [];
    const found = await repo.getMany(ids);
    return ids.map((id) => found.get(id)).filter((r): r is T => r !== undefined && !r.deleted);
  };
  const [accounts, contacts, leads, deals, tickets] = await Promise.all([
    pick(repos.accounts, idsOf('accounts')),
    pick(repos.contacts, idsOf('contacts')),
    pick(repos.leads, idsOf('leads')),
    pick(repos.deals, idsOf('deals')),
    pick(repos.tickets, idsOf('tickets')),
  ]);
  return { accounts, contacts, leads, deals, tickets };
}
