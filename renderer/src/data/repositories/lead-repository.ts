import type { MangoQuerySelector } from 'rxdb';
import type { Lead } from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { containsPattern } from './selectors';

export class LeadRepository extends EntityRepository<'leads'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'leads');
  }

  /** Newest first, by status through its index; a text filter goes through the search index when there is one. */
  async listPage(
    filter: { text?: string; status?: string },
    limit: number,
    skip: number,
  ): Promise<Lead[]> {
    const selector: MangoQuerySelector<Lead> = { deleted: false };
    if (filter.status) selector.status = filter.status as Lead['status'];
    if (!filter.text?.trim())
      return this.newestFirst({
        equal: filter.status ? ['status', filter.status] : undefined,
        selector,
        limit,
        skip,
      });
    const indexed = await this.textPage(
      'leads',
      filter.text,
      (l) => !l.deleted && (!filter.status || l.status === filter.status),
      limit,
      skip,
    );
    if (indexed) return indexed;
    const pattern = containsPattern(filter.text.trim());
    selector.$or = [
      { name: { $regex: pattern, $options: 'i' } },
      { company: { $regex: pattern, $options: 'i' } },
      { mobile: { $regex: pattern } },
    ];
    return this.find({ selector, sort: [{ updatedAt: 'desc' }, { id: 'asc' }], limit, skip });
  }
}
