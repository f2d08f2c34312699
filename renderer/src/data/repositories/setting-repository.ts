import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  pipelineValueSchema,
  savedFilterValueSchema,
  type PipelineValue,
  type SavedFilterValue,
  type Setting,
} from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';

export interface SavedFilter extends SavedFilterValue {
  id: string;
}

export class SettingRepository extends EntityRepository<'settings'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'settings');
  }

  private byKind(kind: Setting['kind']): Promise<Setting[]> {
    return this.find({ selector: { kind, deleted: false }, sort: [{ key: 'asc' }], limit: 500 });
  }

  /** The pipeline of a workspace; the built-in default until someone configures their own. */
  async pipeline(id = DEFAULT_PIPELINE_ID): Promise<PipelineValue> {
    const found = (await this.byKind('pipeline')).find((s) => s.key === id);
    const parsed = found ? pipelineValueSchema.safeParse(found.value) : null;
    return parsed?.success ? parsed.data : DEFAULT_PIPELINE;
  }

  async savedFilters(entity: SavedFilterValue['entity']): Promise<SavedFilter[]> {
    const rows = await this.byKind('savedFilter');
    const out: SavedFilter[] = [];
    for (const row of rows) {
      const parsed = savedFilterValueSchema.safeParse(row.value);
      if (parsed.success && parsed.data.entity === entity) out.push({ id: row.id, ...parsed.data });
    }
    return out;
  }

  async saveFilter(value: SavedFilterValue): Promise<SavedFilter> {
    const parsed = savedFilterValueSchema.parse(value);
    const created = await this.create({
      kind: 'savedFilter',
      key: `${parsed.entity}:${this.ctx.newId()}`,
      value: parsed,
    });
    return { id: created.id, ...parsed };
  }
}
