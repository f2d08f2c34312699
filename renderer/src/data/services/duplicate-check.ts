import type { MangoQuerySelector } from 'rxdb';
import type { Account, Contact, Lead } from '@shared/domain';
import {
  findDuplicateHits,
  type DuplicateHit,
  type DuplicateKind,
  type DuplicateProbe,
  type DuplicateSource,
} from '@shared/rules/duplicates';
import {
  companyNameKey,
  normalizeCreditCode,
  normalizeEmail,
  normalizeMobile,
} from '@shared/validation';
import type { Repositories } from '../repositories';

/** Candidates read per kind: a duplicate check names a few records, never lists a collection. */
const PER_KIND = 20;

/** A record of the replica a typed one collides with, with what the warning shows of it. */
export interface ReplicaDuplicate extends DuplicateHit {
  title: string;
  subtitle: string;
  /** A contact's account (where it opens), '' otherwise. */
  accountId: string;
}

interface Shown {
  title: string;
  subtitle: string;
  accountId: string;
}
type Found = { kind: DuplicateKind; record: DuplicateSource & Shown };

/**
 * 撞单 against the replica (issue 19), offline too: the accounts, contacts and open leads the probe collides
 * with (a lead's company with accounts and other leads; an account with open leads), each read through an index
 * on its normalized key, decided by the shared rule `findDuplicateHits` (strongest reason first).
 */
export async function findReplicaDuplicates(
  repos: Repositories,
  probe: DuplicateProbe,
  excludeId = '',
): Promise<ReplicaDuplicate[]> {
  const nameKey = companyNameKey(probe.name ?? '');
  const creditCode = normalizeCreditCode(probe.creditCode ?? '');
  const mobile = normalizeMobile(probe.mobile ?? '');
  const email = normalizeEmail(probe.email ?? '');
  // A one-character name matches too much to mean anything.
  const name = [...nameKey].length >= 2 ? nameKey : '';

  const accounts: MangoQuerySelector<Account>[] = [];
  if (name) accounts.push({ nameKey: name });
  if (creditCode) accounts.push({ creditCode });
  const contacts: MangoQuerySelector<Contact>[] = [];
  if (mobile) contacts.push({ mobile });
  if (email) contacts.push({ email });
  const leads: MangoQuerySelector<Lead>[] = [...(contacts as MangoQuerySelector<Lead>[])];
  if (name) leads.push({ companyKey: name });

  const [accountRows, contactRows, leadRows] = await Promise.all([
    accounts.length ? repos.accounts.find({ selector: { $or: accounts }, limit: PER_KIND }) : [],
    contacts.length ? repos.contacts.find({ selector: { $or: contacts }, limit: PER_KIND }) : [],
    leads.length ? repos.leads.find({ selector: { $or: leads }, limit: PER_KIND }) : [],
  ]);
  const found: Found[] = [
    ...accountRows.map((a) => ({
      kind: 'accounts' as const,
      record: { ...a, title: a.name, subtitle: a.creditCode, accountId: '' },
    })),
    ...contactRows.map((c) => ({
      kind: 'contacts' as const,
      record: {
        ...c,
        title: c.name,
        subtitle: [c.mobile, c.email].filter(Boolean).join(' · '),
        accountId: c.accountId,
      },
    })),
    ...leadRows.map((l) => ({
      kind: 'leads' as const,
      record: {
        ...l,
        title: l.company || l.name,
        subtitle: l.company ? l.name : '',
        accountId: '',
      },
    })),
  ];
  const byKey = new Map(found.map((f) => [`${f.kind}:${f.record.id}`, f.record]));
  return findDuplicateHits(probe, found, excludeId).map((hit) => {
    const record = byKey.get(`${hit.kind}:${hit.id}`)!;
    return { ...hit, title: record.title, subtitle: record.subtitle, accountId: record.accountId };
  });
}
