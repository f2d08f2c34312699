import {
  APPROVAL_RULES_KEY,
  approvalRulesValueSchema,
  type ApprovalRulesValue,
  CONTRACT_NUMBERING_KEY,
  contractNumberingValueSchema,
  type ContractNumberingValue,
  DEFAULT_APPROVAL_RULES,
  DEFAULT_CONTRACT_NUMBERING,
  campaignValueSchema,
  type CampaignValue,
  DEFAULT_LEAD_SCORING,
  LEAD_SCORING_KEY,
  leadScoringValueSchema,
  type LeadScoringValue,
  DEFAULT_PIPELINE,
  DEFAULT_FOLLOW_UP_RULES,
  DEFAULT_LEAD_ASSIGNMENT,
  DEFAULT_PIPELINE_ID,
  FIELD_POLICY_KEY,
  FOLLOW_UP_RULES_KEY,
  LEAD_ASSIGNMENT_KEY,
  leadAssignmentValueSchema,
  type LeadAssignmentValue,
  followUpRulesValueSchema,
  type FollowUpRulesValue,
  fieldPolicyValueSchema,
  type FieldPolicyValue,
  importMappingValueSchema,
  type ImportMappingValue,
  pipelineValueSchema,
  savedFilterValueSchema,
  type PipelineValue,
  type SavedFilterValue,
  type Setting,
} from '@shared/domain';
import { parseFieldPolicy } from '@shared/sync';
import { layoutKey } from '@shared/import/header-guess';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { leadScoringRules } from './lead-score';

/** A pipeline as the app lists it: its id (the settings key, which deals name) and its value. */
export interface StoredPipeline {
  id: string;
  value: PipelineValue;
}

export interface SavedFilter extends SavedFilterValue {
  id: string;
}

/** A campaign (市场活动, issue 19) with the id of its settings record. */
export interface Campaign {
  id: string;
  value: CampaignValue;
}

export class SettingRepository extends EntityRepository<'settings'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'settings');
  }

  private byKind(kind: Setting['kind']): Promise<Setting[]> {
    return this.find({ selector: { kind, deleted: false }, sort: [{ key: 'asc' }], limit: 500 });
  }

  /**
   * A deal pipeline by id (the settings key deals name in `pipelineId`); else the workspace's default pipeline
   * record, else the built-in default — the order the server's gate uses (sync/server/records/stage-gate.ts).
   */
  async pipeline(id = DEFAULT_PIPELINE_ID): Promise<PipelineValue> {
    const pipelines = await this.pipelines();
    return (
      pipelines.find((p) => p.id === id)?.value ??
      pipelines.find((p) => p.id === DEFAULT_PIPELINE_ID)?.value ??
      DEFAULT_PIPELINE
    );
  }

  /**
   * Every pipeline of the workspace (issue 20: new business, renewal …), the default one first; a stored value
   * that does not validate is left out. Without any stored pipeline, the built-in default.
   */
  async pipelines(): Promise<StoredPipeline[]> {
    // One pipeline per key: a key stored twice (sample data, an older default) shows its newest record.
    const rows = (await this.byKind('pipeline')).sort((a, b) => b.updatedAt - a.updatedAt);
    const out: StoredPipeline[] = [];
    for (const row of rows) {
      const parsed = pipelineValueSchema.safeParse(row.value);
      if (parsed.success && !out.some((p) => p.id === row.key))
        out.push({ id: row.key, value: parsed.data });
    }
    out.sort((a, b) => Number(b.id === DEFAULT_PIPELINE_ID) - Number(a.id === DEFAULT_PIPELINE_ID));
    return out.length > 0 ? out : [{ id: DEFAULT_PIPELINE_ID, value: DEFAULT_PIPELINE }];
  }

  /**
   * Saves a pipeline (admins: the server refuses settings writes from others). Its record's id is its key, so two
   * admins editing one pipeline edit one record. A new pipeline passes `id` undefined and gets one.
   */
  async savePipeline(id: string | undefined, value: PipelineValue): Promise<StoredPipeline> {
    const parsed = pipelineValueSchema.parse(value);
    const key = id ?? `pipeline-${this.ctx.newId()}`;
    const existing = await this.get(key);
    if (existing) await this.update(key, { value: parsed });
    else await this.create({ id: key, teamId: '', kind: 'pipeline', key, value: parsed });
    return { id: key, value: parsed };
  }

  /** Deletes a pipeline (the caller checks no open deal uses it); the default pipeline stays. */
  async deletePipeline(id: string): Promise<void> {
    if (id === DEFAULT_PIPELINE_ID) throw new Error('the default pipeline cannot be deleted');
    await this.softDelete(id);
  }

  /** The workspace's field policy (field-level restrictions); no restriction until an admin sets one. */
  async fieldPolicy(): Promise<FieldPolicyValue> {
    return parseFieldPolicy((await this.newestFieldPolicy())?.value);
  }

  /** The newest policy record (the server applies the newest one too; normally there is one). */
  private async newestFieldPolicy(): Promise<Setting | undefined> {
    const found = await this.byKind('fieldPolicy');
    return found.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  /**
   * Saves the field policy into the workspace's policy record (created with a fixed id, so two admins saving
   * at once edit the same record and merge instead of leaving two). The server applies it (admins only may).
   */
  async saveFieldPolicy(value: FieldPolicyValue): Promise<FieldPolicyValue> {
    const parsed = fieldPolicyValueSchema.parse(value);
    const existing = await this.newestFieldPolicy();
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${FIELD_POLICY_KEY}`,
        teamId: '',
        kind: 'fieldPolicy',
        key: FIELD_POLICY_KEY,
        value: parsed,
      });
    return parsed;
  }

  /** The workspace's follow-up rules (issue 18); the defaults until an admin changes them or when unreadable. */
  async followUpRules(): Promise<FollowUpRulesValue> {
    const found = (await this.byKind('followUpRules')).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    const parsed = found ? followUpRulesValueSchema.safeParse(found.value) : null;
    return parsed?.success ? parsed.data : DEFAULT_FOLLOW_UP_RULES;
  }

  /** Saves the follow-up rules into the workspace's one record (fixed id, so two admins merge, as the field policy). */
  async saveFollowUpRules(value: FollowUpRulesValue): Promise<FollowUpRulesValue> {
    const parsed = followUpRulesValueSchema.parse(value);
    const existing = (await this.byKind('followUpRules')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${FOLLOW_UP_RULES_KEY}`,
        teamId: '',
        kind: 'followUpRules',
        key: FOLLOW_UP_RULES_KEY,
        value: parsed,
      });
    return parsed;
  }

  /** Every campaign, by name; records that no longer parse are left out. */
  async campaigns(): Promise<Campaign[]> {
    const out: Campaign[] = [];
    for (const row of await this.byKind('campaign')) {
      const parsed = campaignValueSchema.safeParse(row.value);
      if (parsed.success) out.push({ id: row.id, value: parsed.data });
    }
    return out.sort((a, b) => a.value.name.localeCompare(b.value.name, 'zh-CN'));
  }

  /**
   * Creates a campaign (id undefined) or replaces one's value. Workspace-wide (team ''): every rep picks it on
   * their leads; admins and managers may write it (shared/sync checkWrite).
   */
  async saveCampaign(id: string | undefined, value: CampaignValue): Promise<Campaign> {
    const parsed = campaignValueSchema.parse(value);
    if (id) {
      await this.update(id, { value: parsed });
      return { id, value: parsed };
    }
    const newId = this.ctx.newId();
    await this.create({ id: newId, teamId: '', kind: 'campaign', key: newId, value: parsed });
    return { id: newId, value: parsed };
  }

  /** The workspace's lead-scoring rules (issue 19); the defaults until an admin saves their own. */
  async leadScoring(): Promise<LeadScoringValue> {
    return (await leadScoringRules(this.ctx.db)) ?? DEFAULT_LEAD_SCORING;
  }

  /** Saves the scoring rules into the workspace's one record (fixed id, so two admins merge). */
  async saveLeadScoring(value: LeadScoringValue): Promise<LeadScoringValue> {
    const parsed = leadScoringValueSchema.parse(value);
    const existing = (await this.byKind('leadScoring')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${LEAD_SCORING_KEY}`,
        teamId: '',
        kind: 'leadScoring',
        key: LEAD_SCORING_KEY,
        value: parsed,
      });
    return parsed;
  }

  /** The workspace's lead-assignment rules (issue 19; the server applies them): off until an admin saves some. */
  async leadAssignment(): Promise<LeadAssignmentValue> {
    const found = (await this.byKind('leadAssignment')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    const parsed = found ? leadAssignmentValueSchema.safeParse(found.value) : null;
    return parsed?.success ? parsed.data : DEFAULT_LEAD_ASSIGNMENT;
  }

  /** Saves the assignment rules into the workspace's one record (fixed id, so two admins merge). */
  async saveLeadAssignment(value: LeadAssignmentValue): Promise<LeadAssignmentValue> {
    const parsed = leadAssignmentValueSchema.parse(value);
    const existing = (await this.byKind('leadAssignment')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${LEAD_ASSIGNMENT_KEY}`,
        teamId: '',
        kind: 'leadAssignment',
        key: LEAD_ASSIGNMENT_KEY,
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

  /** The column mapping saved for a file layout (import wizard), or null when this layout is new. */
  async importMapping(signature: string): Promise<ImportMappingValue | null> {
    const key = layoutKey(signature);
    const found = (await this.byKind('importMapping'))
      .filter((s) => s.key === key)
      .sort((a, b) => b.updatedAt - a.updatedAt);
    for (const row of found) {
      const parsed = importMappingValueSchema.safeParse(row.value);
      // The key is a hash: the signature itself decides.
      if (parsed.success && parsed.data.signature === signature) return parsed.data;
    }
    return null;
  }

  /** Saves (or replaces) the column mapping of a file layout, so the next such file is mapped alike. */
  async saveImportMapping(value: ImportMappingValue): Promise<void> {
    const parsed = importMappingValueSchema.parse(value);
    const key = layoutKey(parsed.signature);
    const existing = (await this.byKind('importMapping')).find(
      (s) => s.key === key && s.value.signature === parsed.signature,
    );
    if (existing) await this.update(existing.id, { value: parsed });
    else await this.create({ kind: 'importMapping', key, value: parsed });
  }

  /** The workspace's contract number pattern (issue 20): the default until an admin saves one. */
  async contractNumbering(): Promise<ContractNumberingValue> {
    const found = (await this.byKind('contractNumbering')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    const parsed = found ? contractNumberingValueSchema.safeParse(found.value) : null;
    return parsed?.success ? parsed.data : DEFAULT_CONTRACT_NUMBERING;
  }

  /** Saves the contract number pattern into the workspace's one record (fixed id, so two admins merge). */
  async saveContractNumbering(value: ContractNumberingValue): Promise<ContractNumberingValue> {
    const parsed = contractNumberingValueSchema.parse(value);
    const existing = (await this.byKind('contractNumbering')).sort(
      (a, b) => b.updatedAt - a.updatedAt,
    )[0];
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${CONTRACT_NUMBERING_KEY}`,
        teamId: '',
        kind: 'contractNumbering',
        key: CONTRACT_NUMBERING_KEY,
        value: parsed,
      });
    return parsed;
  }

  /** The workspace's approval routing and thresholds (issue 20): the defaults until an admin saves them. */
  async approvalRules(): Promise<ApprovalRulesValue> {
    const found = (await this.byKind('approvalRules')).sort((a, b) => b.updatedAt - a.updatedAt)[0];
    const parsed =
      found && found.key === APPROVAL_RULES_KEY
        ? approvalRulesValueSchema.safeParse(found.value)
        : null;
    return parsed?.success ? parsed.data : DEFAULT_APPROVAL_RULES;
  }
}
