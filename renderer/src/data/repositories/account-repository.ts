import type { MangoQuerySelector, MangoQuerySortPart } from 'rxdb';
import { divisionsOf, type Account } from '@shared/domain';
import { companyNameKey, normalizeCreditCode } from '@shared/validation';
import {
  creditCodeRefusal,
  findDuplicateReasons,
  type DuplicateReason,
} from '@shared/rules/duplicates';
import { RecordValidationError } from '../errors';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { keyOf, scanIndex } from './index-scan';
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

/**
 * Where the next page of the accounts list starts: the index key of the last row (keyset paging: page 20
 * costs what page 1 costs) or, for text searches answered by the search index, a position in its matches.
 */
export type AccountCursor = { key: (string | number)[] } | { offset: number };

export interface AccountPage {
  rows: Account[];
  /** null: this was the last page. */
  next: AccountCursor | null;
}

/** How the list reads a page: an index, equal values for its first fields, and what is checked per row. */
interface ScanPlan {
  index: string[];
  /** One scan per value of the second index field (an industry section = each of its divisions), merged. */
  equalValues: (string | boolean)[][];
  filter?: (account: Account) => boolean;
  direction: 'asc' | 'desc';
  sortField: AccountSortField;
}

export interface DuplicateMatch<T> {
  record: T;
  reasons: DuplicateReason[];
}

export class AccountRepository extends EntityRepository<'accounts'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'accounts');
  }

  /** Refuses a second live account with the same credit code (one legal entity, one account: issue 19). */
  override async create(input: CreateInput<Account>): Promise<Account> {
    await this.refuseTakenCreditCode(null, { ...input, id: input.id ?? '', deleted: false });
    return super.create(input);
  }

  override async update(id: string, patch: UpdateInput<Account>): Promise<Account> {
    const current = await this.get(id);
    if (current) await this.refuseTakenCreditCode(current, { ...current, ...patch });
    return super.update(id, patch);
  }

  /**
   * The shared rule `creditCodeRefusal` against the replica's accounts with that code (an index lookup); the
   * refusal is a field issue at the credit code, so the form shows it there. The server holds the same rule for
   * accounts this replica cannot see (another team's), and for offline writes.
   */
  private async refuseTakenCreditCode(
    before: Account | null,
    after: Pick<Account, 'id' | 'deleted'> & Partial<Account>,
  ): Promise<void> {
    const creditCode = normalizeCreditCode(after.creditCode ?? '');
    if (!creditCode) return;
    const holders = await this.find({ selector: { creditCode }, limit: 10 });
    const refusal = creditCodeRefusal(
      before,
      { ownerId: '', teamId: '', ...after, creditCode },
      holders,
    );
    if (refusal)
      throw new RecordValidationError([
        { path: 'creditCode', message: 'accounts.duplicate.creditCodeTaken' },
      ]);
  }

  /** Builds an index-friendly selector: equality on indexed fields first, ranges for industry sections. */
  selectorFor(filter: AccountFilter): MangoQuerySelector<Account> {
    const selector: MangoQuerySelector<Account> = { deleted: false };
    if (filter.ownerId) selector.ownerId = filter.ownerId;
    if (filter.industry)
      selector.industry =
        filter.industry.length === 1 ? prefixRange(filter.industry) : filter.industry;
    if (filter.status) selector.status = filter.status as Account['status'];
    if (filter.tier) selector.tier = filter.tier as Account['tier'];
    if (filter.tag)
      selector.tags = { $elemMatch: { $eq: filter.tag } } as MangoQuerySelector<Account>['tags'];
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

  /** Conditions the chosen index does not cover, checked on each row as the index is walked. */
  private rowFilter(
    filter: AccountFilter,
    covered: ReadonlySet<keyof AccountFilter>,
  ): ((a: Account) => boolean) | undefined {
    const checks: ((a: Account) => boolean)[] = [];
    if (filter.ownerId && !covered.has('ownerId')) checks.push((a) => a.ownerId === filter.ownerId);
    if (filter.industry && !covered.has('industry')) {
      const industry = filter.industry;
      checks.push(
        industry.length === 1
          ? (a) => a.industry.startsWith(industry)
          : (a) => a.industry === industry,
      );
    }
    if (filter.status) checks.push((a) => a.status === filter.status);
    if (filter.tier) checks.push((a) => a.tier === filter.tier);
    if (filter.tag) checks.push((a) => a.tags.includes(filter.tag ?? ''));
    if (checks.length === 0) return undefined;
    return (a) => !a.deleted && checks.every((check) => check(a));
  }

  /**
   * Picks the index for a filter and sort. Newest first: the owner's index, else the industry index (a
   * section is the merge of its divisions, each in date order), else the date index; by name: the name
   * index. Everything else (tags, status, tier) is checked row by row while walking in sort order, so a
   * page stops as soon as it is full instead of reading every match.
   */
  private planFor(filter: AccountFilter, sort: AccountSort): ScanPlan {
    const base = { direction: sort.direction, sortField: sort.field } as const;
    if (sort.field === 'nameKey')
      return {
        ...base,
        index: ['deleted', 'nameKey'],
        equalValues: [[false]],
        filter: this.rowFilter(filter, new Set()),
      };
    if (filter.ownerId) {
      return {
        ...base,
        index: ['deleted', 'ownerId', 'updatedAt'],
        equalValues: [[false, filter.ownerId]],
        filter: this.rowFilter(filter, new Set(['ownerId'])),
      };
    }
    if (filter.industry) {
      const values =
        filter.industry.length === 1
          ? [filter.industry, ...divisionsOf(filter.industry)]
          : [filter.industry];
      return {
        ...base,
        index: ['deleted', 'industry', 'updatedAt'],
        equalValues: values.map((v) => [false, v]),
        filter: this.rowFilter(filter, new Set(['industry'])),
      };
    }
    return {
      ...base,
      index: ['deleted', 'updatedAt'],
      equalValues: [[false]],
      filter: this.rowFilter(filter, new Set()),
    };
  }

  /** Runs a plan (null when the storage has no index-scan path). */
  private async scan(
    plan: ScanPlan,
    limit: number,
    after: (string | number)[] | null,
    skip = 0,
  ): Promise<Account[] | null> {
    const parts = await Promise.all(
      plan.equalValues.map((equal) =>
        scanIndex<Account>(this.collection, {
          index: plan.index,
          equal,
          direction: plan.direction,
          after,
          limit: plan.equalValues.length > 1 ? limit + skip : limit,
          skip: plan.equalValues.length > 1 ? 0 : skip,
          filter: plan.filter,
        }),
      ),
    );
    if (parts.some((p) => p === null)) return null;
    if (parts.length === 1) return parts[0];
    const field = plan.sortField;
    const dir = plan.direction === 'asc' ? 1 : -1;
    const merged = (parts as Account[][]).flat().sort((a, b) => {
      const x = a[field];
      const y = b[field];
      return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * dir;
    });
    return merged.slice(skip, skip + limit);
  }

  private fallbackSort(sort: AccountSort): MangoQuerySortPart<Account>[] {
    return [{ [sort.field]: sort.direction }, { id: 'asc' }];
  }

  /**
   * One page of the accounts list. Without text: walked through an index in list order with keyset
   * paging (never the whole collection, never a `skip` over earlier pages). With text: the search index's
   * matches (already filtered and sorted in the worker), a page of ids, then those records by id.
   */
  async listPageAfter(
    filter: AccountFilter,
    sort: AccountSort,
    limit: number,
    cursor: AccountCursor | null,
  ): Promise<AccountPage> {
    const offset = cursor && 'offset' in cursor ? cursor.offset : 0;
    const text = filter.text?.trim();
    if (text && this.ctx.textIndex) {
      const { text: _text, ...rest } = filter;
      return this.pageOfIds(
        await this.ctx.textIndex.matchAccounts(text, rest, sort),
        offset,
        limit,
      );
    }
    if (!text) {
      const plan = this.planFor(filter, sort);
      // Conditions no index covers (tags, status, tier, owner by name …) would make the walk read many rows
      // per page, and an industry section merges one walk per division; the search index's per-account
      // facets answer both at once (once it has caught up; until then the walks do).
      if (
        (plan.filter || plan.equalValues.length > 1) &&
        !(cursor && 'key' in cursor) &&
        this.ctx.textIndex?.isCaughtUp()
      ) {
        const ids = await this.ctx.textIndex.matchAccounts('', filter, sort);
        return this.pageOfIds(ids, offset, limit);
      }
      const rows = await this.scan(plan, limit, cursor && 'key' in cursor ? cursor.key : null);
      if (rows) {
        const last = rows[rows.length - 1];
        return {
          rows,
          next: rows.length === limit && last ? { key: keyOf(last, [plan.sortField], 0) } : null,
        };
      }
    }
    const rows = await this.find({
      selector: this.selectorFor(filter),
      sort: this.fallbackSort(sort),
      limit,
      skip: offset,
    });
    return { rows, next: rows.length === limit ? { offset: offset + limit } : null };
  }

  private async pageOfIds(ids: string[], offset: number, limit: number): Promise<AccountPage> {
    const slice = ids.slice(offset, offset + limit);
    const found = await this.getMany(slice);
    const rows = slice
      .map((id) => found.get(id))
      .filter((a): a is Account => a !== undefined && !a.deleted);
    return { rows, next: offset + limit < ids.length ? { offset: offset + limit } : null };
  }

  /** A page by position (pickers, mentions, global search); the list itself pages with listPageAfter. */
  async listPage(
    filter: AccountFilter,
    sort: AccountSort,
    limit: number,
    skip: number,
  ): Promise<Account[]> {
    const text = filter.text?.trim();
    if (text && this.ctx.textIndex)
      return (await this.listPageAfter(filter, sort, limit, { offset: skip })).rows;
    if (!text) {
      const rows = await this.scan(this.planFor(filter, sort), limit, null, skip);
      if (rows) return rows;
    }
    return this.find({
      selector: this.selectorFor(filter),
      sort: this.fallbackSort(sort),
      limit,
      skip,
    });
  }

  /**
   * How many accounts match, from the search index's per-account facets (instant once it has caught up;
   * the count line waits for that). Without an index (unit tests) RxDB counts, which for tags, status or
   * text means loading every matching document.
   */
  async countMatching(filter: AccountFilter): Promise<number> {
    // IndexedDB counts by walking the whole index range, which on a large replica holds up the list's own
    // reads at start-up; the facets answer at once, as soon as the index is loaded.
    if (this.ctx.textIndex) {
      const { text, ...rest } = filter;
      return this.ctx.textIndex.countAccounts(text?.trim() ?? '', rest);
    }
    return this.count(this.selectorFor(filter));
  }

  /**
   * Accounts that look like the same company (防撞单): same credit code or same normalized name.
   * Both lookups use an index, so this stays instant on a large replica.
   */
  async findDuplicates(
    candidate: { name: string; creditCode: string },
    excludeId?: string,
  ): Promise<DuplicateMatch<Account>[]> {
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
