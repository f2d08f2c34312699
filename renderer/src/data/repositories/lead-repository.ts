import type { MangoQuerySelector } from 'rxdb';
import type { Lead } from '@shared/domain';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { leadScoringRules, recentContactsOf, rescoreAllLeads, scoreChangesFor } from './lead-score';
import { containsPattern } from './selectors';

export class LeadRepository extends EntityRepository<'leads'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'leads');
  }

  /** Creates the lead with its score and qualification from the scoring rules (issue 19). */
  override async create(input: CreateInput<Lead>): Promise<Lead> {
    const scored = await scoreChangesFor(
      this.ctx.db,
      { id: '', ...input, score: input.score, qualification: input.qualification ?? '' },
      this.ctx.now(),
    );
    return super.create({ ...input, ...scored });
  }

  /** Applies the patch and scores the lead again from what it now says and its recent activities. */
  override async update(id: string, patch: UpdateInput<Lead>): Promise<Lead> {
    const current = await this.get(id);
    const scored = current
      ? await scoreChangesFor(this.ctx.db, { ...current, ...patch, id }, this.ctx.now())
      : null;
    return super.update(id, { ...patch, ...scored });
  }

  /** Customer contacts on the lead within the scoring rules' engagement window (shown with its score). */
  async recentContacts(id: string): Promise<number> {
    const rules = await leadScoringRules(this.ctx.db);
    return rules ? recentContactsOf(this.ctx.db, id, rules, this.ctx.now()) : 0;
  }

  /** Scores every lead again under the rules now saved (after the scoring card changed them); how many changed. */
  rescoreAll(): Promise<number> {
    return rescoreAllLeads(this.ctx.db, this.ctx.now());
  }

  /**
   * Newest first, by status through its index; a text filter goes through the search index when there is one.
   * A qualification (MQL/SQL, issue 19) narrows the walk without an index of its own (a filter on the scan).
   */
  async listPage(
    filter: { text?: string; status?: string; qualification?: string },
    limit: number,
    skip: number,
  ): Promise<Lead[]> {
    const selector: MangoQuerySelector<Lead> = { deleted: false };
    if (filter.status) selector.status = filter.status as Lead['status'];
    if (filter.qualification)
      selector.qualification = filter.qualification as Lead['qualification'];
    const qualifies = (l: Lead) =>
      !filter.qualification || l.qualification === filter.qualification;
    if (!filter.text?.trim())
      return this.newestFirst({
        equal: filter.status ? ['status', filter.status] : undefined,
        filter: filter.qualification ? qualifies : undefined,
        selector,
        limit,
        skip,
      });
    const indexed = await this.textPage(
      'leads',
      filter.text,
      (l) => !l.deleted && (!filter.status || l.status === filter.status) && qualifies(l),
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
