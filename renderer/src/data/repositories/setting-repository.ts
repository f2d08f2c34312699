import {
  APPROVAL_RULES_KEY,
  approvalRulesValueSchema,
  DEFAULT_APPROVAL_RULES,
  productValueSchema,
  type ApprovalRulesValue,
  type ProductValue,
  CONTRACT_NUMBERING_KEY,
  contractNumberingValueSchema,
  type ContractNumberingValue,
  DEFAULT_CONTRACT_NUMBERING,
  campaignValueSchema,
  type CampaignValue,
  DEFAULT_LEAD_SCORING,
  DEFAULT_HEALTH_SCORING,
  HEALTH_SCORING_KEY,
  healthScoringValueSchema,
  type HealthScoringValue,
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
  DEFAULT_TICKET_ROUTING,
  TICKET_ROUTING_KEY,
  ticketRoutingValueSchema,
  type TicketRoutingValue,
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
  slaPolicyValueSchema,
  type SlaPolicyValue,
  WORKING_CALENDAR_KEY,
  workingCalendarValueSchema,
  type WorkingCalendarValue,
} from '@shared/domain';
import { checkWrite, parseFieldPolicy, RejectReason } from '@shared/sync';
import {
  targetSettingKey,
  targetRecordId,
  targetTeamId,
  targetWriteRefusal,
  type TargetMember,
  type TargetValue,
} from '@shared/rules/forecast';
import { targetValueSchema } from '@shared/domain';
import type { z } from 'zod';
import type { Access } from '../access';
import { BusinessRuleError } from '../errors';
import type { SlaPolicyEntry } from '@shared/rules';
import { layoutKey } from '@shared/import/header-guess';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { leadScoringRules } from './lead-score';
import { storedSlaPolicies, workingCalendarValue } from './sla-settings';

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

/** A product of the price list (settings kind `product`, issue 20) with the id of its settings record. */
export interface Product {
  id: string;
  value: ProductValue;
}

/** A sales target (issue 20) with the id of its settings record. */
export interface StoredTarget extends TargetValue {
  id: string;
}

export class SettingRepository extends EntityRepository<'settings'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'settings');
  }

  private byKind(kind: Setting['kind']): Promise<Setting[]> {
    return this.find({ selector: { kind, deleted: false }, sort: [{ key: 'asc' }], limit: 500 });
  }

  /** The newest record of a workspace-singleton kind (normally there is one: it is saved at a fixed id). */
  private async newestOfKind(kind: Setting['kind']): Promise<Setting | undefined> {
    return (await this.byKind(kind)).sort((a, b) => b.updatedAt - a.updatedAt)[0];
  }

  /** A workspace-singleton setting's value; `fallback` (the defaults) when none is stored or it no longer parses. */
  private async workspaceSingleton<T extends Record<string, unknown>>(
    kind: Setting['kind'],
    schema: z.ZodType<T>,
    fallback: T,
  ): Promise<T> {
    const found = await this.newestOfKind(kind);
    const parsed = found ? schema.safeParse(found.value) : null;
    return parsed?.success ? parsed.data : fallback;
  }

  /**
   * Saves a workspace-singleton setting into the workspace's one record, created at the fixed id
   * `<workspace>:<key>` so two admins saving at once edit one record and merge instead of leaving two.
   */
  private async saveWorkspaceSingleton<T extends Record<string, unknown>>(
    kind: Setting['kind'],
    key: string,
    schema: z.ZodType<T>,
    value: T,
  ): Promise<T> {
    const parsed = schema.parse(value);
    const existing = await this.newestOfKind(kind);
    if (existing) await this.update(existing.id, { value: parsed });
    else
      await this.create({
        id: `${this.ctx.actor.workspaceId}:${key}`,
        teamId: '',
        kind,
        key,
        value: parsed,
      });
    return parsed;
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
    return parseFieldPolicy((await this.newestOfKind('fieldPolicy'))?.value);
  }

  /**
   * Saves the field policy into the workspace's policy record (created with a fixed id, so two admins saving
   * at once edit the same record and merge instead of leaving two). The server applies it (admins only may).
   */
  saveFieldPolicy(value: FieldPolicyValue): Promise<FieldPolicyValue> {
    return this.saveWorkspaceSingleton(
      'fieldPolicy',
      FIELD_POLICY_KEY,
      fieldPolicyValueSchema,
      value,
    );
  }

  /** The workspace's follow-up rules (issue 18); the defaults until an admin changes them or when unreadable. */
  followUpRules(): Promise<FollowUpRulesValue> {
    return this.workspaceSingleton(
      'followUpRules',
      followUpRulesValueSchema,
      DEFAULT_FOLLOW_UP_RULES,
    );
  }

  /** Saves the follow-up rules into the workspace's one record (fixed id, so two admins merge, as the field policy). */
  saveFollowUpRules(value: FollowUpRulesValue): Promise<FollowUpRulesValue> {
    return this.saveWorkspaceSingleton(
      'followUpRules',
      FOLLOW_UP_RULES_KEY,
      followUpRulesValueSchema,
      value,
    );
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
  saveLeadScoring(value: LeadScoringValue): Promise<LeadScoringValue> {
    return this.saveWorkspaceSingleton(
      'leadScoring',
      LEAD_SCORING_KEY,
      leadScoringValueSchema,
      value,
    );
  }

  /** The workspace's account-health weights and thresholds (issue 21); the defaults until an admin saves their own. */
  healthScoring(): Promise<HealthScoringValue> {
    return this.workspaceSingleton(
      'healthScoring',
      healthScoringValueSchema,
      DEFAULT_HEALTH_SCORING,
    );
  }

  /** Saves the health scoring into the workspace's one record (fixed id, so two admins merge). */
  saveHealthScoring(value: HealthScoringValue): Promise<HealthScoringValue> {
    return this.saveWorkspaceSingleton(
      'healthScoring',
      HEALTH_SCORING_KEY,
      healthScoringValueSchema,
      value,
    );
  }

  /** The working calendar SLA clocks run on (issue 21); the default until an admin saves one. */
  workingCalendar(): Promise<WorkingCalendarValue> {
    return workingCalendarValue(this.ctx.db);
  }

  /** Saves the working calendar into the workspace's one record (fixed id, so two admins merge). */
  saveWorkingCalendar(value: WorkingCalendarValue): Promise<WorkingCalendarValue> {
    return this.saveWorkspaceSingleton(
      'workingCalendar',
      WORKING_CALENDAR_KEY,
      workingCalendarValueSchema,
      value,
    );
  }

  /** The stored SLA policies (issue 21), by key; none stored means the default policy applies. */
  slaPolicies(): Promise<SlaPolicyEntry[]> {
    return storedSlaPolicies(this.ctx.db);
  }

  /**
   * Creates an SLA policy (key undefined) or replaces one's value; one record per policy, workspace-wide. The
   * default policy, saved the first time, gets the id `<workspace>:<key>`: saved on two laptops it is one record.
   */
  async saveSlaPolicy(key: string | undefined, value: SlaPolicyValue): Promise<SlaPolicyEntry> {
    const parsed = slaPolicyValueSchema.parse(value);
    const existing = key
      ? (await this.byKind('slaPolicy')).find((row) => row.key === key)
      : undefined;
    if (existing) {
      await this.update(existing.id, { value: parsed });
      return { key: existing.key, value: parsed };
    }
    const newKey = key ?? this.ctx.newId();
    await this.create({
      id: key ? `${this.ctx.actor.workspaceId}:${key}` : newKey,
      teamId: '',
      kind: 'slaPolicy',
      key: newKey,
      value: parsed,
    });
    return { key: newKey, value: parsed };
  }

  /** Deletes a stored SLA policy (soft, like every record). */
  async deleteSlaPolicy(key: string): Promise<void> {
    const existing = (await this.byKind('slaPolicy')).find((row) => row.key === key);
    if (existing) await this.softDelete(existing.id);
  }

  /** The workspace's lead-assignment rules (issue 19; the server applies them): off until an admin saves some. */
  leadAssignment(): Promise<LeadAssignmentValue> {
    return this.workspaceSingleton(
      'leadAssignment',
      leadAssignmentValueSchema,
      DEFAULT_LEAD_ASSIGNMENT,
    );
  }

  /** Saves the assignment rules into the workspace's one record (fixed id, so two admins merge). */
  saveLeadAssignment(value: LeadAssignmentValue): Promise<LeadAssignmentValue> {
    return this.saveWorkspaceSingleton(
      'leadAssignment',
      LEAD_ASSIGNMENT_KEY,
      leadAssignmentValueSchema,
      value,
    );
  }

  /** The workspace's approval rules (issue 20; the server routes by the same): the defaults until an admin saves. */
  approvalRules(): Promise<ApprovalRulesValue> {
    return this.workspaceSingleton(
      'approvalRules',
      approvalRulesValueSchema,
      DEFAULT_APPROVAL_RULES,
    );
  }

  /** Saves the approval rules into the workspace's one record (fixed id, so two admins merge). */
  saveApprovalRules(value: ApprovalRulesValue): Promise<ApprovalRulesValue> {
    return this.saveWorkspaceSingleton(
      'approvalRules',
      APPROVAL_RULES_KEY,
      approvalRulesValueSchema,
      value,
    );
  }

  /** The workspace's ticket routing (issue 21; the server applies it): off until an admin saves it. */
  ticketRouting(): Promise<TicketRoutingValue> {
    return this.workspaceSingleton(
      'ticketRouting',
      ticketRoutingValueSchema,
      DEFAULT_TICKET_ROUTING,
    );
  }

  /** Saves the ticket routing into the workspace's one record (fixed id, so two admins merge). */
  saveTicketRouting(value: TicketRoutingValue): Promise<TicketRoutingValue> {
    return this.saveWorkspaceSingleton(
      'ticketRouting',
      TICKET_ROUTING_KEY,
      ticketRoutingValueSchema,
      value,
    );
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

  /** The price list (issue 20), by category then name; records that no longer parse are left out. */
  async products(): Promise<Product[]> {
    const out: Product[] = [];
    for (const row of await this.byKind('product')) {
      const parsed = productValueSchema.safeParse(row.value);
      if (parsed.success) out.push({ id: row.id, value: parsed.data });
    }
    return out.sort(
      (a, b) =>
        a.value.category.localeCompare(b.value.category, 'zh-CN') ||
        a.value.name.localeCompare(b.value.name, 'zh-CN'),
    );
  }

  /** Creates a product (id undefined) or replaces one's value; workspace-wide, admins write it. */
  async saveProduct(id: string | undefined, value: ProductValue): Promise<Product> {
    const parsed = productValueSchema.parse(value);
    if (id) {
      await this.update(id, { value: parsed });
      return { id, value: parsed };
    }
    const newId = this.ctx.newId();
    await this.create({ id: newId, teamId: '', kind: 'product', key: newId, value: parsed });
    return { id: newId, value: parsed };
  }

  /**
   * The targets of a year's periods (the year, its quarters and months): their keys start with the period
   * (`targetSettingKey`), so one range of the [kind, key] index reads them. One per key: the newest record.
   */
  async targets(year: string): Promise<StoredTarget[]> {
    const next = String(Number(year) + 1);
    const rows = await this.find({
      selector: { kind: 'target', deleted: false, key: { $gte: year, $lt: next } },
      sort: [{ key: 'asc' }],
      limit: 100_000,
    });
    const byKey = new Map<string, { row: Setting; value: TargetValue }>();
    for (const row of rows) {
      const parsed = targetValueSchema.safeParse(row.value);
      if (!parsed.success) continue;
      const seen = byKey.get(row.key);
      if (!seen || seen.row.updatedAt < row.updatedAt)
        byKey.set(row.key, { row, value: parsed.data });
    }
    return [...byKey.values()].map(({ row, value }) => ({ id: row.id, ...value }));
  }

  /**
   * Sets (amount) or clears (null) a member's target for a period, in the one record of that member and period.
   * The record sits in the member's team, and the rights are the server's rule (checkWrite, targetWriteRefusal):
   * admins for everyone, managers for their teams and people; a refusal is a BusinessRuleError with its reason.
   */
  async saveTarget(
    access: Pick<Access, 'principal' | 'scope'>,
    input: { memberId: string; period: string; amount: number | null },
  ): Promise<void> {
    const { principal, scope } = access;
    const value =
      input.amount === null
        ? null
        : targetValueSchema.parse({
            period: input.period,
            memberId: input.memberId,
            amount: input.amount,
          });
    const memberDoc = await this.ctx.db.members.findOne(input.memberId).exec();
    const found = memberDoc?.toJSON();
    const member: TargetMember | null =
      found && !found.deleted ? { id: found.id, kind: found.kind, teamIds: found.teamIds } : null;
    const id = targetRecordId(input.memberId, input.period);
    const stored = await this.get(id);
    const existing = stored && !stored.deleted ? stored : null;
    const draft = {
      id,
      workspaceId: principal.workspaceId,
      ownerId: existing?.ownerId ?? principal.userId,
      kind: 'target' as const,
    };
    const writable = (teamId: string) =>
      checkWrite(principal, scope, 'settings', null, { ...draft, teamId }).ok;
    const teamId = member ? targetTeamId(member, writable) : '';
    const check = checkWrite(principal, scope, 'settings', existing, { ...draft, teamId });
    const refusal =
      !check.ok ||
      targetWriteRefusal(principal, { teamId, memberId: input.memberId }, member) !== null;
    if (refusal) throw new BusinessRuleError(RejectReason.targetScope, { member: input.memberId });
    if (value === null) {
      if (existing) await this.softDelete(id);
      return;
    }
    if (stored) {
      if (stored.deleted) await this.restore(id);
      await this.update(id, { value, teamId });
    } else
      await this.create({
        id,
        teamId,
        kind: 'target',
        key: targetSettingKey(input.memberId, input.period),
        value,
      });
  }

  /** The workspace's contract number pattern (issue 20): the default until an admin saves one. */
  contractNumbering(): Promise<ContractNumberingValue> {
    return this.workspaceSingleton(
      'contractNumbering',
      contractNumberingValueSchema,
      DEFAULT_CONTRACT_NUMBERING,
    );
  }

  /** Saves the contract number pattern into the workspace's one record (fixed id, so two admins merge). */
  saveContractNumbering(value: ContractNumberingValue): Promise<ContractNumberingValue> {
    return this.saveWorkspaceSingleton(
      'contractNumbering',
      CONTRACT_NUMBERING_KEY,
      contractNumberingValueSchema,
      value,
    );
  }
}
