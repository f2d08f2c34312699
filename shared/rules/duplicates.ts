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
