import type { MangoQuerySelector } from 'rxdb';
import type { Account } from '@shared/domain';
import { cleanCompanyName, companyNameKey, normalizeCreditCode } from '@shared/validation';
import { findDuplicateReasons, type DuplicateReason } from '@shared/rules/duplicates';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { containsPattern, prefixRange } from './selectors';

export interface AccountFilter {
  ownerId?: string;
  /** A section letter ('I') or a division code ('I65'). */
  industry?: string;
  tag?: string;
  status?: string;
  tier?: string;
  text?: string;
}
export type AccountSortField = 'updatedAt' | 'nameKey';
export interface AccountSort {
  field: AccountSortField;
  direction: 'asc' | 'desc';
}

export interface DuplicateMatch<T> {
  record: T;
  reasons: DuplicateReason[];
}

export class AccountRepository extends EntityRepository<'accounts'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'accounts');
  }

  protected override derive(record: Account): Account {
    const name = cleanCompanyName(record.name);
    return { ...record, name, nameKey: companyNameKey(name), creditCode: normalizeCreditCode(record.creditCode) };
  }

  /** Builds an index-friendly selector: equality on indexed fields first, ranges for industry sections. */
  selectorFor(filter: AccountFilter): MangoQuerySelector<Account> {
    const selector: MangoQuerySelector<Account> = { deleted: false };
    if (filter.ownerId) selector.ownerId = filter.ownerId;
    if (filter.industry) selector.industry = filter.industry.length === 1 ? prefixRange(filter.industry) : filter.industry;
    if (filter.status) selector.status = filter.status as Account['status'];
    if (filter.tier) selector.tier = filter.tier as Account['tier'];
    if (filter.tag) selector.tags = { $elemMatch: { $eq: filter.tag } } as MangoQuerySelector<Account>['tags'];
    if (filter.text?.trim()) {
      const text = filter.text.trim();
      selector.$or = [
        { nameKey: { $regex: containsPattern(companyNameKey(text) || text.toLowerCase()) } },
        { name: { $regex: containsPattern(text), $options: 'i' } },
        { creditCode: { $regex: '^' + containsPattern(normalizeCreditCode(text)) } },
      ];
    }
    return selector;
  }

  listPage(filter: AccountFilter, sort: AccountSort, limit: number, skip: number): Promise<Account[]> {
    return this.find({
      selector: this.selectorFor(filter),
      sort: [{ [sort.field]: sort.direction }, { id: 'asc' }],
      limit,
      skip,
    });
  }

  countMatching(filter: AccountFilter): Promise<number> {
    return this.count(this.selectorFor(filter));
  }

  /**
   * Accounts that look like the same company (防撞单): same credit code or same normalized name.
   * Both lookups use an index, so this stays instant on a large replica.
   */
  async findDuplicates(candidate: { name: string; creditCode: string }, excludeId?: string): Promise<DuplicateMatch<Account>[]> {
    const nameKey = companyNameKey(candidate.name);
    const creditCode = normalizeCreditCode(candidate.creditCode);
    const or: MangoQuerySelector<Account>[] = [];
    if (nameKey) or.push({ nameKey });
    if (creditCode) or.push({ creditCode });
    if (or.length === 0) return [];
    const found = await this.find({ selector: { $or: or, deleted: false }, limit: 10 });
    return found
      .filter((record) => record.id !== excludeId)
      .map((record) => ({ record, reasons: findDuplicateReasons(candidate, record) }))
      .filter((match) => match.reasons.length > 0);
  }
}
