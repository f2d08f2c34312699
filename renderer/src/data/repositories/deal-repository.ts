import { type MangoQuerySelector, type RxChangeEventBulk } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { feedPosition, readChangeFeed, type FeedPosition } from '../change-feed';
import { RANK_STEP, type Deal, type PipelineValue } from '@shared/domain';
import { moveDealToStage, saveDealStage, type DealStageRefusal } from '@shared/rules/deal-stage';
import { stageEntryTasks } from '@shared/rules/stage-tasks';
import { localDay } from '@shared/rules/working-calendar';
import { toSalesDeal, type SalesDeal } from '@shared/rules/dashboards/filters';
import { BusinessRuleError } from '../errors';
import { ActivityRepository } from './activity-repository';
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

/** A position in the replica's change feed of deals: RxDB's local write time and the id of the last deal seen. */
/** A position in the deals' change feed (`../change-feed.ts`). */
export type DealFeedCheckpoint = FeedPosition;

/** One deal as the sales dashboard reads it after a change (null: gone from the replica), at its feed position. */
export interface SalesDealChange {
  id: string;
  deal: SalesDeal | null;
  position: DealFeedCheckpoint;
}

/** A page of the change feed: the deals changed after a checkpoint, and the checkpoint after them. */
export interface SalesDealPage {
  deals: SalesDeal[];
  /** Each deal's write time (`_meta.lwt`), by position in `deals`. */
  lwts: number[];
  checkpoint: DealFeedCheckpoint | null;
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

  /**
   * One board column: deals in a stage ordered by their rank (index deleted+stage+rank), of one pipeline when
   * `pipelineId` is given (two pipelines may share a stage id).
   */
  byStage(stage: string, limit: number, pipelineId?: string): Promise<Deal[]> {
    const selector = pipelineId ? { deleted: false, stage, pipelineId } : { deleted: false, stage };
    return this.find({ selector, sort: [{ rank: 'asc' }], limit });
  }

  countInStage(stage: string, pipelineId?: string): Promise<number> {
    return this.count(
      pipelineId ? { deleted: false, stage, pipelineId } : { deleted: false, stage },
    );
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
    const moved = await this.update(id, {
      ...move.changes,
      rank: rank ?? (await this.nextRank(move.changes.stage)),
    });
    await this.createStageTasks(deal, moved, pipeline);
    return moved;
  }

  /**
   * The tasks the entered stage's templates give the deal's owner (shared/rules/stage-tasks.ts). Their ids come
   * from deal, stage, template and entry day, so a task already there (another laptop's, or the same day's
   * re-entry) is left as it is instead of doubled.
   */
  private async createStageTasks(
    before: Deal | null,
    after: Deal,
    pipeline: PipelineValue,
  ): Promise<void> {
    const now = this.ctx.now();
    const today = localDay(now, -new Date(now).getTimezoneOffset());
    const activities = new ActivityRepository(this.ctx);
    for (const draft of stageEntryTasks(before, after, pipeline, today)) {
      if (await activities.get(draft.id)) continue;
      await activities.create({
        ...draft,
        type: 'task',
        relatedType: 'deal',
        body: '',
        outcome: '',
        nextStep: '',
        occurredAt: now,
        done: false,
      });
    }
  }

  /**
   * Moves every deal of a pipeline's stage to another stage of it (a stage the admin deletes): each a normal
   * write that syncs. The gate is not asked (the admin decides where the deals go; nothing may be lost), and no
   * stage tasks are made: the deals did not choose to enter. Returns how many moved.
   */
  async moveStageDeals(
    pipelineId: string,
    fromStage: string,
    to: PipelineValue['stages'][number],
  ): Promise<number> {
    const selector = { deleted: false, stage: fromStage, pipelineId };
    const count = await this.count(selector);
    const deals = count > 0 ? await this.find({ selector, limit: count }) : [];
    let rank = await this.nextRank(to.id);
    for (const deal of deals) {
      await this.update(deal.id, { stage: to.id, status: to.outcome, rank });
      rank += RANK_STEP;
    }
    return deals.length;
  }

  /** How many deals of a pipeline sit in each of the stages (for moving deals off a deleted stage). */
  async countByStage(
    pipelineId: string,
    stageIds: readonly string[],
  ): Promise<Record<string, number>> {
    const counts = await Promise.all(
      stageIds.map((stage) => this.count({ deleted: false, stage, pipelineId })),
    );
    return Object.fromEntries(stageIds.map((stage, i) => [stage, counts[i] ?? 0]));
  }

  /** Open deals of a pipeline (a pipeline may be deleted only when it has none). */
  countOpenInPipeline(pipelineId: string): Promise<number> {
    return this.count({ deleted: false, status: 'open', pipelineId });
  }

  /** Creates a deal from the form: the stage gate applies (saveDealStage) and the card goes to the end of its column. */
  async createInStage(input: DealInput, pipeline: PipelineValue): Promise<Deal> {
    // The meta fields are not rule inputs; the draft only needs the deal's own fields.
    const save = saveDealStage(null, { ...input, status: 'open', rank: 0 } as Deal, pipeline);
    if (!save.ok) throw stageRefusalError(save.refusal);
    const rank = await this.nextRank(input.stage);
    const created = await this.create({ ...input, status: save.changes.status ?? 'open', rank });
    await this.createStageTasks(null, created, pipeline);
    return created;
  }

  /** Saves an edit from the form; a changed stage passes the stage gate and goes to the end of its column. */
  async edit(id: string, patch: UpdateInput<Deal>, pipeline: PipelineValue): Promise<Deal> {
    const current = await this.get(id);
    if (!current) throw new Error(`deals/${id} not found`);
    if (patch.stage === undefined || patch.stage === current.stage) return this.update(id, patch);
    const save = saveDealStage(current, { ...current, ...patch }, pipeline);
    if (!save.ok) throw stageRefusalError(save.refusal);
    const rank = await this.nextRank(patch.stage);
    const saved = await this.update(id, { ...patch, ...save.changes, rank });
    await this.createStageTasks(current, saved, pipeline);
    return saved;
  }

  /**
   * The deals written after `checkpoint` (null: from the start) in the order the replica wrote them, projected
   * onto the sales dashboard's slim deal, `limit` at a time. Soft-deleted deals are included (`deleted: true`):
   * a reader catching up must learn that they left.
   */
  async salesDealsSince(
    checkpoint: DealFeedCheckpoint | null,
    limit: number,
  ): Promise<SalesDealPage> {
    const result = await readChangeFeed<Deal>(this.collection, checkpoint, limit);
    return {
      // Hard-deleted documents (a record leaving the replica's scope) come back flagged `_deleted`.
      deals: result.documents.map((doc) =>
        (doc as { _deleted?: boolean })._deleted
          ? { ...toSalesDeal(doc), deleted: true }
          : toSalesDeal(doc),
      ),
      lwts: result.documents.map((doc) => feedPosition(doc.id, doc).lwt),
      checkpoint: result.checkpoint,
    };
  }

  /** Every write to deals as slim deals, one emission per storage write (a bulk), with each one's feed position. */
  salesDealChanges$(): Observable<SalesDealChange[]> {
    const bulks$ = this.collection.eventBulks$ as Observable<RxChangeEventBulk<Deal>>;
    return bulks$.pipe(
      map((bulk) =>
        bulk.events.map((event) => {
          const data: unknown = event.documentData ?? event.previousDocumentData;
          return {
            id: event.documentId,
            deal:
              event.operation === 'DELETE' || !event.documentData
                ? null
                : toSalesDeal(event.documentData),
            position: feedPosition(event.documentId, data),
          };
        }),
      ),
    );
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
