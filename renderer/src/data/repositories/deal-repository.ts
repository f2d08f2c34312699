import type { MangoQuerySelector } from 'rxdb';
import { RANK_STEP, type Deal, type PipelineStage, type PipelineValue } from '@shared/domain';
import { missingStageFields } from '@shared/rules/stage-gate';
import { lineItemsTotal } from '@shared/rules/deal-math';
import { BusinessRuleError } from '../errors';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { containsPattern } from './selectors';

export interface DealFilter {
  text?: string;
  stage?: string;
  ownerId?: string;
}

export class DealRepository extends EntityRepository<'deals'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'deals');
  }

  protected override derive(record: Deal): Deal {
    // A deal with line items is worth their total; without items the typed amount stands.
    const amount = record.lineItems.length > 0 ? lineItemsTotal(record.lineItems) : record.amount;
    return { ...record, name: record.name.trim(), amount };
  }

  private selectorFor(filter: DealFilter): MangoQuerySelector<Deal> {
    const selector: MangoQuerySelector<Deal> = { deleted: false };
    if (filter.stage) selector.stage = filter.stage;
    if (filter.ownerId) selector.ownerId = filter.ownerId;
    if (filter.text?.trim())
      selector.name = { $regex: containsPattern(filter.text.trim()), $options: 'i' };
    return selector;
  }

  /** Newest first through the updatedAt index; a text filter goes through the search index when there is one. */
  async listPage(filter: DealFilter, limit: number, skip: number): Promise<Deal[]> {
    const matchesRest = (d: Deal) =>
      !d.deleted &&
      (!filter.stage || d.stage === filter.stage) &&
      (!filter.ownerId || d.ownerId === filter.ownerId);
    if (!filter.text?.trim()) {
      const rest = filter.stage || filter.ownerId ? matchesRest : undefined;
      return this.newestFirst({ filter: rest, selector: this.selectorFor(filter), limit, skip });
    }
    const indexed = await this.textPage('deals', filter.text, matchesRest, limit, skip);
    if (indexed) return indexed;
    return this.find({
      selector: this.selectorFor(filter),
      sort: [{ updatedAt: 'desc' }, { id: 'asc' }],
      limit,
      skip,
    });
  }

  /** One board column: deals in a stage ordered by their rank (index deleted+stage+rank). */
  byStage(stage: string, limit: number): Promise<Deal[]> {
    return this.find({ selector: { deleted: false, stage }, sort: [{ rank: 'asc' }], limit });
  }

  countInStage(stage: string): Promise<number> {
    return this.count({ deleted: false, stage });
  }

  byAccount(accountId: string): Promise<Deal[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ updatedAt: 'desc' }],
      limit: 500,
    });
  }

  /** The rank for a card appended to the end of a column. */
  async nextRank(stage: string): Promise<number> {
    const last = await this.find({
      selector: { deleted: false, stage },
      sort: [{ rank: 'desc' }],
      limit: 1,
    });
    return (last[0]?.rank ?? 0) + RANK_STEP;
  }

  /**
   * Moves a deal to a stage (board drag and drop). The stage gate (PRODUCT.md §2: e.g. no 报价 without
   * budget, decision maker and competitor) is checked first; a refused move throws BusinessRuleError with
   * the missing fields so the UI can say exactly what is needed. Probability and status follow the stage.
   */
  async moveToStage(
    id: string,
    pipeline: PipelineValue,
    stageId: string,
    rank?: number,
  ): Promise<Deal> {
    const deal = await this.get(id);
    if (!deal) throw new Error(`deals/${id} not found`);
    const stage: PipelineStage | undefined = pipeline.stages.find((s) => s.id === stageId);
    if (!stage) throw new BusinessRuleError('deals.errors.unknownStage', { stage: stageId });
    const missing = missingStageFields(deal, stage);
    if (missing.length > 0) {
      throw new BusinessRuleError('deals.errors.stageGate', {
        stage: stage.name,
        fields: missing.join(','),
      });
    }
    return this.update(id, {
      stage: stage.id,
      status: stage.outcome,
      probability: stage.probability,
      rank: rank ?? (await this.nextRank(stage.id)),
    });
  }

  /** Open deals closing in a date range, for forecasts and the account page. */
  openClosingBetween(from: string, to: string, limit: number): Promise<Deal[]> {
    return this.find({
      selector: { deleted: false, status: 'open', closeDate: { $gte: from, $lte: to } },
      sort: [{ closeDate: 'asc' }],
      limit,
    });
  }
}
