import type { Repositories } from '../repositories';

export type SearchKind = 'accounts' | 'contacts' | 'leads' | 'deals' | 'tickets';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  /** Route of the record in the app. */
  href: string;
}

/**
 * Global search (Ctrl/Cmd+K) over accounts, contacts (names, mobiles, e-mails), leads, deals and tickets.
 * Each kind is queried with its repository's filtered page, a few hits per kind, in parallel.
 * This scans with `$regex`; a real search index replaces it for large replicas (issue 5, B3).
 */
export async function searchEverything(repos: Repositories, text: string, perKind = 5): Promise<SearchHit[]> {
  const query = text.trim();
  if (!query) return [];
  const [accounts, contacts, leads, deals, tickets] = await Promise.all([
    repos.accounts.listPage({ text: query }, { field: 'updatedAt', direction: 'desc' }, perKind, 0),
    repos.contacts.listPage(query, perKind, 0),
    repos.leads.listPage({ text: query }, perKind, 0),
    repos.deals.listPage({ text: query }, perKind, 0),
    repos.tickets.listPage({ text: query }, perKind, 0),
  ]);
  return [
    ...accounts.map((a) => ({ kind: 'accounts' as const, id: a.id, title: a.name, subtitle: a.creditCode, href: `/accounts/${a.id}` })),
    ...contacts.map((c) => ({ kind: 'contacts' as const, id: c.id, title: c.name, subtitle: [c.title, c.mobile, c.email].filter(Boolean).join(' · '), href: c.accountId ? `/accounts/${c.accountId}` : '/contacts' })),
    ...leads.map((l) => ({ kind: 'leads' as const, id: l.id, title: l.name, subtitle: [l.company, l.mobile].filter(Boolean).join(' · '), href: '/leads' })),
    ...deals.map((d) => ({ kind: 'deals' as const, id: d.id, title: d.name, subtitle: d.closeDate, href: `/deals/${d.id}` })),
    ...tickets.map((tk) => ({ kind: 'tickets' as const, id: tk.id, title: tk.subject, subtitle: tk.number, href: `/tickets/${tk.id}` })),
  ];
}
