import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  FIELD_POLICY_KEY,
  fieldPolicyValueSchema,
  type FieldPolicyValue,
  pipelineValueSchema,
  savedFilterValueSchema,
  type PipelineValue,
  type SavedFilterValue,
  type Setting,
} from '@shared/domain';
import { parseFieldPolicy } from '@shared/sync';
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

  /** The workspace's field policy (field-level restrictions); no restriction until an admin sets one. */
  async fieldPolicy(): Promise<FieldPolicyValue> {
    const [found] = await this.byKind('fieldPolicy');
    return parseFieldPolicy(found?.value);
  }

  /**
   * Saves the field policy into the workspace's one policy record (a fixed id, so two admins saving at once
   * edit the same record and merge instead of leaving two). The server applies it (and admins only may).
   */
  async saveFieldPolicy(value: FieldPolicyValue): Promise<FieldPolicyValue> {
    const parsed = fieldPolicyValueSchema.parse(value);
    const id = `${this.ctx.actor.workspaceId}:${FIELD_POLICY_KEY}`;
    const existing = await this.get(id);
    if (existing) await this.update(id, { value: parsed });
    else
      await this.create({
        id,
        teamId: '',
        kind: 'fieldPolicy',
        key: FIELD_POLICY_KEY,
        value: parsed,
      });
    return parsed;
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
