import type { Account, Contact, Deal, EntityByCollection, Lead, Ticket } from '@shared/domain';

/** The collections global search covers, in the order results are shown. */
export const SEARCH_KINDS = ['accounts', 'contacts', 'leads', 'deals', 'tickets'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export function isSearchKind(name: string): name is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(name);
}

/** The list filters of the accounts page, kept beside each account so filtered counts never scan IndexedDB. */
export interface AccountFacets {
  ownerId: string;
  industry: string;
  status: string;
  tier: string;
  tags: string[];
  nameKey: string;
}

/** What the search index keeps of one record (small: the index never holds whole documents). */
export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** Searchable values, title first; normalized by the index. */
  fields: string[];
  /**
   * Fields found from their start only (credit codes: people type the beginning; indexing every pair of an
   * 18-character code would cost more memory than all company names).
   */
  prefixOnly?: number[];
  updatedAt: number;
  /** RxDB's write time of this state (`_meta.lwt`): a newer state of a record always wins, whatever the arrival order. */
  lwt: number;
  /** Gone from search: soft-deleted, or a replication tombstone. */
  removed: boolean;
  facets?: AccountFacets;
}

/**
 * Text as the index compares it: Unicode NFKC (full-width Latin and digits become half-width), lower case.
 * Chinese is left as it is; the index cuts it into characters and character pairs.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/**
 * A query as typed → terms. Phone-like input ("138 0013-8000", "+86 138…") becomes its digits, so it finds
 * the stored mobile numbers (which are kept as bare digits).
 */
export function queryTerms(query: string): string[] {
  const normalized = normalizeSearchText(query);
  if (normalized === '') return [];
  if (/^[+\d][\d\s\-()（）]*$/.test(normalized) && /\d{3}/.test(normalized.replace(/\D/g, ''))) {
    const digits = normalized.replace(/\D/g, '');
    return [digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits];
  }
  return normalized.split(/\s+/).filter(Boolean);
}

function fieldsOf(kind: SearchKind, record: EntityByCollection[SearchKind]): string[] {
  switch (kind) {
    case 'accounts': {
      const a = record as Account;
      return [a.name, a.creditCode];
    }
    case 'contacts': {
      const c = record as Contact;
      return [c.name, c.mobile, c.email];
    }
    case 'leads': {
      const l = record as Lead;
      return [l.name, l.company ?? '', l.mobile, l.email];
    }
    case 'deals':
      return [(record as Deal).name];
    case 'tickets': {
      const t = record as Ticket;
      return [t.subject, t.number];
    }
  }
}

/**
 * The search document of one stored record. `storedDoc` is a document as RxDB stores or emits it (with
 * `_deleted` and `_meta.lwt`).
 */
export function searchDocOf(kind: SearchKind, storedDoc: Record<string, unknown>): SearchDoc {
  const record = storedDoc as unknown as EntityByCollection[SearchKind] & {
    _deleted?: boolean;
    _meta?: { lwt?: number };
  };
  const removed = record._deleted === true || record.deleted === true;
  const doc: SearchDoc = {
    kind,
    id: record.id,
    // Empty values stay (as empty fields) so field positions (prefixOnly) keep their meaning.
    fields: removed ? [] : fieldsOf(kind, record).map((f) => (typeof f === 'string' ? f : '')),
    updatedAt: typeof record.updatedAt === 'number' ? record.updatedAt : 0,
    lwt: record._meta?.lwt ?? 0,
    removed,
  };
  if (kind === 'accounts' && !removed) {
    doc.prefixOnly = [1];
    const a = record as Account;
    doc.facets = {
      ownerId: a.ownerId,
      industry: a.industry,
      status: a.status,
      tier: a.tier,
      tags: a.tags,
      nameKey: a.nameKey,
    };
  }
  return doc;
}
