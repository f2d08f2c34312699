import type { MangoQuerySelector } from 'rxdb';
import type { Contact } from '@shared/domain';
import { normalizeEmail, normalizeMobile } from '@shared/validation';
import { findDuplicateReasons } from '@shared/rules/duplicates';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import type { DuplicateMatch } from './account-repository';
import { containsPattern } from './selectors';

export class ContactRepository extends EntityRepository<'contacts'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'contacts');
  }

  protected override derive(record: Contact): Contact {
    return super.derive({
      ...record,
      name: record.name.trim(),
      mobile: normalizeMobile(record.mobile),
      email: normalizeEmail(record.email),
    });
  }

  byAccount(accountId: string): Promise<Contact[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ updatedAt: 'desc' }],
      limit: 500,
    });
  }

  /** Newest first; a text filter (name, mobile, e-mail) goes through the search index when there is one. */
  async listPage(text: string, limit: number, skip: number): Promise<Contact[]> {
    const selector: MangoQuerySelector<Contact> = { deleted: false };
    if (!text.trim()) return this.newestFirst({ selector, limit, skip });
    const indexed = await this.textPage('contacts', text, (c) => !c.deleted, limit, skip);
    if (indexed) return indexed;
    const pattern = containsPattern(text.trim());
    selector.$or = [
      { name: { $regex: pattern, $options: 'i' } },
      { mobile: { $regex: pattern } },
      { email: { $regex: pattern, $options: 'i' } },
    ];
    return this.find({ selector, sort: [{ updatedAt: 'desc' }, { id: 'asc' }], limit, skip });
  }

  /** Contacts with the same mobile number or e-mail (the same person entered twice). */
  async findDuplicates(
    candidate: { mobile: string; email: string },
    excludeId?: string,
  ): Promise<DuplicateMatch<Contact>[]> {
    const mobile = normalizeMobile(candidate.mobile);
    const email = normalizeEmail(candidate.email);
    const or: MangoQuerySelector<Contact>[] = [];
    if (mobile) or.push({ mobile });
    if (email) or.push({ email });
    if (or.length === 0) return [];
    const found = await this.find({ selector: { $or: or, deleted: false }, limit: 10 });
    return found
      .filter((record) => record.id !== excludeId)
      .map((record) => ({ record, reasons: findDuplicateReasons({ mobile, email }, record) }))
      .filter((match) => match.reasons.length > 0);
  }
}
