import type { MangoQuerySelector } from 'rxdb';
import { RANK_STEP, type Deal, type PipelineValue } from '@shared/domain';
import { moveDealToStage, saveDealStage, type DealStageRefusal } from '@shared/rules/deal-stage';
import { BusinessRuleError } from '../errors';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { containsPattern } from './selectors';

export interface DealFilter {
  text?: string;
  stage?: string;
  ownerId?: string;
}

/** What the deal form provides; status and rank follow from the stage. */
export type DealInput = Omit<CreateInput<Deal>, 'status' | 'rank'>;

/** A stage command's refusal as the error the UI shows (it names the missing fields). */
export function stageRefusalError(refusal: DealStageRefusal): BusinessRuleError {
  return refusal.reason === 'unknownStage'
    ? new BusinessRuleError('deals.errors.unknownStage', { stage: refusal.stageId })
    : new BusinessRuleError('deals.errors.stageGate', {
        stage: refusal.stage.name,
        fields: refusal.missing.join(','),
      });
}

export class DealRepository extends EntityRepository<'deals'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'deals');
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
   * Moves a deal to a stage (board drag and drop), through the shared command moveDealToStage
   * (shared/rules/deal-stage.ts): a refused move throws BusinessRuleError with the missing fields so the UI can
   * say exactly what is needed; probability and status follow the stage.
   */
  async moveToStage(
    id: string,
    pipeline: PipelineValue,
    stageId: string,
    rank?: number,
  ): Promise<Deal> {
    const deal = await this.get(id);
    if (!deal) throw new Error(`deals/${id} not found`);
    const move = moveDealToStage(deal, stageId, pipeline);
    if (!move.ok) throw stageRefusalError(move.refusal);
    return this.update(id, {
      ...move.changes,
      rank: rank ?? (await this.nextRank(move.changes.stage)),
    });
  }

  /** Creates a deal from the form: the stage gate applies (saveDealStage) and the card goes to the end of its column. */
  async createInStage(input: DealInput, pipeline: PipelineValue): Promise<Deal> {
    // The meta fields are not rule inputs; the draft only needs the deal's own fields.
    const save = saveDealStage(null, { ...input, status: 'open', rank: 0 } as Deal, pipeline);
    if (!save.ok) throw stageRefusalError(save.refusal);
    const rank = await this.nextRank(input.stage);
    return this.create({ ...input, status: save.changes.status ?? 'open', rank });
  }

  /** Saves an edit from the form; a changed stage passes the stage gate and goes to the end of its column. */
  async edit(id: string, patch: UpdateInput<Deal>, pipeline: PipelineValue): Promise<Deal> {
    const current = await this.get(id);
    if (!current) throw new Error(`deals/${id} not found`);
    if (patch.stage === undefined || patch.stage === current.stage) return this.update(id, patch);
    const save = saveDealStage(current, { ...current, ...patch }, pipeline);
    if (!save.ok) throw stageRefusalError(save.refusal);
    const rank = await this.nextRank(patch.stage);
    return this.update(id, { ...patch, ...save.changes, rank });
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
