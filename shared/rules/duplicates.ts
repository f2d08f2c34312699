import { normalizeCreditCode } from '../validation/credit-code';
import { companyNameKey } from '../validation/company-name';
import { normalizeMobile } from '../validation/mobile';
import { normalizeEmail } from '../validation/email';

/**
 * Duplicate prevention (防撞单): a record is a likely duplicate of another when they share a
 * credit code, a normalized company name, a mobile number or an e-mail address.
 */
export type DuplicateReason = 'creditCode' | 'name' | 'mobile' | 'email';

/** The identifying fields compared; accounts, contacts and leads each have some of them. */
export interface DuplicateProbe {
  name?: string;
  creditCode?: string;
  mobile?: string;
  email?: string;
}

const NORMALIZERS: ReadonlyArray<readonly [DuplicateReason, (value: string) => string]> = [
  ['creditCode', normalizeCreditCode],
  ['name', companyNameKey],
  ['mobile', normalizeMobile],
  ['email', normalizeEmail],
];

/**
 * Why `candidate` looks like `existing`, strongest reason first (credit code, name, mobile, e-mail). Values
 * are compared after the same normalization that is stored (so "腾讯科技（深圳）有限公司" matches
 * "腾讯科技(深圳)有限公司" and "+86 138-0013-8000" matches "13800138000"). A field that is empty on either
 * side never matches: two accounts without a credit code are not duplicates of each other.
 *
 * Pure, so the same rule runs in the form, the importer's duplicate preview and on the server.
 */
export function findDuplicateReasons(
  candidate: DuplicateProbe,
  existing: DuplicateProbe,
): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  for (const [reason, normalize] of NORMALIZERS) {
    const a = normalize(candidate[reason] ?? '');
    const b = normalize(existing[reason] ?? '');
    if (a !== '' && a === b) reasons.push(reason);
  }
  return reasons;
}

/**
 * The keys a record is compared by, as `reason:normalizedValue` (empty fields give no key). Two probes share a
 * key exactly when `findDuplicateReasons` names that reason, so an importer can index many records by key
 * instead of comparing every pair.
 */
export function duplicateKeys(probe: DuplicateProbe): string[] {
  const keys: string[] = [];
  for (const [reason, normalize] of NORMALIZERS) {
    const value = normalize(probe[reason] ?? '');
    if (value !== '') keys.push(`${reason}:${value}`);
  }
  return keys;
}

// ---------- 撞单 across accounts, contacts and leads (issue 19) ----------

/** The collections a duplicate can be found in. */
export const DUPLICATE_KINDS = ['accounts', 'contacts', 'leads'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** What each kind can be matched by: accounts by company, contacts by person, leads by both. */
export const DUPLICATE_REASONS_OF: Readonly<Record<DuplicateKind, readonly DuplicateReason[]>> = {
  accounts: ['creditCode', 'name'],
  contacts: ['mobile', 'email'],
  leads: ['name', 'mobile', 'email'],
};

/** The fields of a stored record the check reads (a lead's company is its `company`, not its person's name). */
export interface DuplicateSource {
  id: string;
  ownerId: string;
  teamId: string;
  deleted: boolean;
  mergedIntoId?: string;
  name?: string;
  company?: string;
  creditCode?: string;
  mobile?: string;
  email?: string;
  status?: string;
}

/** The probe of a stored record of `kind`: the identifying fields compared, and nothing else. */
export function duplicateProbeOf(kind: DuplicateKind, record: DuplicateSource): DuplicateProbe {
  switch (kind) {
    case 'accounts':
      return { name: record.name ?? '', creditCode: record.creditCode ?? '' };
    case 'contacts':
      return { mobile: record.mobile ?? '', email: record.email ?? '' };
    case 'leads':
      return { name: record.company ?? '', mobile: record.mobile ?? '', email: record.email ?? '' };
  }
}

/** Lead statuses after which nobody chases the lead any more (a converted lead became the account itself). */
const CLOSED_LEAD_STATUSES: ReadonlySet<string> = new Set(['converted', 'disqualified']);

/**
 * Whether a record still means "someone follows this company or person": not deleted, not a merge's loser
 * (mergedIntoId set), and for leads still open. Only such records are duplicates.
 */
export function countsForDuplicates(kind: DuplicateKind, record: DuplicateSource): boolean {
  if (record.deleted || (record.mergedIntoId ?? '') !== '') return false;
  return kind !== 'leads' || !CLOSED_LEAD_STATUSES.has(record.status ?? '');
}

/** One existing record a new or edited one collides with, and who follows it. */
export interface DuplicateHit {
  kind: DuplicateKind;
  id: string;
  ownerId: string;
  teamId: string;
  reasons: DuplicateReason[];
}

/**
 * 撞单: the existing records (accounts, contacts, leads) that `candidate` collides with, in both directions (a
 * new lead whose company is an account or another rep's lead; a new account matching an open lead). The record
 * being edited (`excludeId`), deleted and merged-away records and closed leads never count. Strongest first: a
 * credit code before a name before a mobile before an e-mail; ties keep their order.
 */
export function findDuplicateHits(
  candidate: DuplicateProbe,
  existing: ReadonlyArray<{ kind: DuplicateKind; record: DuplicateSource }>,
  excludeId = '',
): DuplicateHit[] {
  const hits: DuplicateHit[] = [];
  const seen = new Set<string>();
  for (const { kind, record } of existing) {
    const key = `${kind}:${record.id}`;
    if (record.id === excludeId || seen.has(key) || !countsForDuplicates(kind, record)) continue;
    seen.add(key);
    const reasons = findDuplicateReasons(candidate, duplicateProbeOf(kind, record));
    if (reasons.length > 0)
      hits.push({ kind, id: record.id, ownerId: record.ownerId, teamId: record.teamId, reasons });
  }
  const strength = (hit: DuplicateHit) =>
    NORMALIZERS.findIndex(([reason]) => reason === hit.reasons[0]);
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => strength(a.hit) - strength(b.hit) || a.index - b.index)
    .map(({ hit }) => hit);
}

// ---------- one account per 统一社会信用代码 (issue 19) ----------

/** Why an account may not carry its credit code: another live account already does. */
export interface CreditCodeRefusal {
  reason: 'creditCodeTaken';
  existingId: string;
  ownerId: string;
}

/** An account as the uniqueness rule reads it. */
export type CreditCodeHolder = Pick<
  DuplicateSource,
  'id' | 'ownerId' | 'teamId' | 'deleted' | 'mergedIntoId' | 'creditCode'
>;

/**
 * A 统一社会信用代码 identifies one legal entity, so it is unique among the workspace's live accounts (issue 19).
 * `after` is refused when it is live, has a credit code that is new to it (created, restored, or changed — an
 * edit that keeps the code it had is never refused, so accounts stored before the rule stay editable) and another
 * live account (`holders`, any order) already has that code. The same id is the same account; deleted and
 * merged-away accounts hold nothing. Name and phone matches stay warnings (`findDuplicateHits`).
 */
export function creditCodeRefusal(
  before: CreditCodeHolder | null,
  after: CreditCodeHolder,
  holders: readonly CreditCodeHolder[],
): CreditCodeRefusal | null {
  const live = (account: CreditCodeHolder) => countsForDuplicates('accounts', account);
  const code = normalizeCreditCode(after.creditCode ?? '');
  if (code === '' || !live(after)) return null;
  if (before && live(before) && normalizeCreditCode(before.creditCode ?? '') === code) return null;
  const holder = holders.find(
    (other) =>
      other.id !== after.id && live(other) && normalizeCreditCode(other.creditCode ?? '') === code,
  );
  return holder
    ? { reason: 'creditCodeTaken', existingId: holder.id, ownerId: holder.ownerId }
    : null;
}
