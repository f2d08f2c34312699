import type { z } from 'zod';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  LOGGED_ACTIVITY_TYPES,
  DEAL_STATUSES,
  DECISION_POWERS,
  DECISION_ROLES,
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LIFECYCLE_TAGS,
  REGIONS,
  SIZE_BANDS,
  accountFields,
  activityFields,
  contactFields,
  dealFields,
  entitySchemas,
  leadFields,
  type EntityByCollection,
  type PipelineStage,
  type PipelineValue,
} from '../domain';
import { blankFields } from '../domain/blank';
import { stageEntryChanges } from '../rules/deal-stage';
import { storedForm } from '../rules/stored-form';
import { companyNameKey } from '../validation/company-name';
import { normalizeCreditCode } from '../validation/credit-code';
import type { ColumnMapping, ImportKind } from './header-guess';
import {
  industryLookup,
  listLookup,
  memberLookup,
  normalizeValue,
  parseBoolean,
  parseDate,
  parseNumber,
  parseTimestamp,
  type MemberRef,
  type ValueLabels,
} from './value-map';

/**
 * Row validation for imports (issue 17): each mapped row becomes a complete record and goes through the SAME
 * zod schema the app writes with (shared/domain/entities.ts), so an import accepts exactly what a form would.
 * Cell values are first mapped to stored values (value-map.ts); a cell that cannot be mapped is an issue of its
 * own, named with the cell's text.
 */

/** Reasons only an import gives (the rest are the schema's ValidationMessage keys). */
export const ImportMessage = {
  valueUnknown: 'import.valueUnknown',
  ownerUnknown: 'import.ownerUnknown',
  ownerOutOfScope: 'import.ownerOutOfScope',
  accountUnknown: 'import.accountUnknown',
  numberFormat: 'import.numberFormat',
  dateFormat: 'import.dateFormat',
  booleanFormat: 'import.booleanFormat',
  invalid: 'import.invalid',
} as const;

/** One reason a row was refused: the file's line number (the header is line 1), the field, and a stable key. */
export interface RowIssue {
  row: number;
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** An account a relation may point to: in the replica already, or created by an earlier step of this import. */
export interface AccountRef {
  id: string;
  name: string;
  creditCode: string;
}

/** A pipeline deals may be imported into (a `settings` record of kind pipeline: its key and value). */
export interface ImportPipeline extends PipelineValue {
  id: string;
}

export interface ValidateOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** Labels of controlled lists in every language (value-map.ts); keys as in the i18n resources. */
  labels: ValueLabels;
  members: readonly MemberRef[];
  accounts: readonly AccountRef[];
  actor: { userId: string; workspaceId: string; teamId: string };
  now: number;
  newId: () => string;
  /**
   * The wizard's value mapping: field → cell text (as written) → stored value, consulted before the labels
   * (e.g. "华南区" → 'guangdong' chosen by the person).
   */
  valueOverrides?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The team a record owned by `ownerId` is saved in (shared/rules/record-ownership); null: refused. */
  teamFor?: (ownerId: string) => string | null;
  /**
   * The owner of a row that names none (default: the actor). '' leaves it unowned, for the server's lead-assignment
   * rules to place once it syncs (leads, when a team workspace has assignment on).
   */
  blankOwner?: string;
  /** Line number of the first row given (2 when the header is line 1). */
  firstLine?: number;
  /**
   * Deals: the workspace's pipelines, matched by id or name from a pipeline column (its first one is used for
   * rows without one). Default: the built-in pipeline only.
   */
  pipelines?: readonly ImportPipeline[];
}

export interface ValidRow<K extends ImportKind = ImportKind> {
  row: number;
  record: EntityByCollection[K];
  /** The row named no owner (an empty cell or no owner column): its owner is the default, which an update keeps. */
  ownerDefaulted?: true;
}

export interface ValidationResult<K extends ImportKind = ImportKind> {
  valid: ValidRow<K>[];
  issues: RowIssue[];
  /** Rows with at least one issue (each is left out of `valid`). */
  rejectedRows: number[];
}

type Cell = unknown;
type Converter = (cell: Cell, field: string) => { value: unknown } | { issue: RowIssue['reason'] };

const isBlank = (cell: Cell) => textOf(cell) === '';
function textOf(cell: Cell): string {
  if (cell instanceof Date) return parseDate(cell) ?? '';
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell) ?? '';
}

const FIELDS = {
  accounts: accountFields,
  contacts: contactFields,
  leads: leadFields,
  deals: dealFields,
  activities: activityFields,
} as const;
/** Empty records per kind, read once from the schemas (shared/domain/blank.ts). */
const BLANKS = Object.fromEntries(
  Object.entries(FIELDS).map(([kind, fields]) => [kind, blankFields(fields)]),
) as Record<ImportKind, Record<string, unknown>>;

/** A record before its row's cells: the schema's blanks, plus what an import means when a column is absent. */
function defaults(
  kind: ImportKind,
  now: number,
  pipeline: ImportPipeline,
): Record<string, unknown> {
  const record: Record<string, unknown> = { ...BLANKS[kind] };
  for (const [field, value] of Object.entries(record)) if (Array.isArray(value)) record[field] = [];
  if (kind === 'leads') record.source = 'import';
  if (kind === 'deals') record.pipelineId = pipeline.id;
  if (kind === 'activities') Object.assign(record, { type: 'note', occurredAt: now });
  return record;
}

/** The pipelines a deal import knows when the caller names none: the built-in one. */
export const BUILT_IN_PIPELINES: readonly ImportPipeline[] = [
  { id: DEFAULT_PIPELINE_ID, ...DEFAULT_PIPELINE },
];

/** Validates and converts rows (arrays of cells in file column order). Pure; ids come from `newId`. */
export function validateRows<K extends ImportKind>(
  rows: readonly (readonly Cell[])[],
  options: ValidateOptions & { kind: K },
): ValidationResult<K> {
  const { kind, mapping, labels, now } = options;
  const overrides = options.valueOverrides ?? {};
  const list = (codes: readonly string[], ...names: string[]) =>
    listLookup(
      codes,
      Object.assign({}, ...names.map((n) => labels[n] ?? {})) as Record<string, string[]>,
    );
  const lookups: Record<string, (text: string) => string | null> = {
    sizeBand: list(SIZE_BANDS, 'sizeBand'),
    region: list(REGIONS, 'region'),
    source: list(LEAD_SOURCES, 'source'),
    tier: list(ACCOUNT_TIERS, 'tier'),
    decisionRole: list(DECISION_ROLES, 'decisionRole'),
    decisionPower: list(DECISION_POWERS, 'decisionPower'),
    industry: industryLookup(labels.industry),
    type: list(LOGGED_ACTIVITY_TYPES, 'activityType'),
    status: list(
      kind === 'accounts' ? ACCOUNT_STATUSES : kind === 'leads' ? LEAD_STATUSES : DEAL_STATUSES,
      kind === 'accounts' ? 'accountStatus' : kind === 'leads' ? 'leadStatus' : 'dealStatus',
    ),
  };
  // Common free tags (accountTag) are stored as their Chinese text: their labels in any language map back to it.
  const tagLookup = list(
    [...LIFECYCLE_TAGS, ...Object.keys(labels.accountTag ?? {})],
    'lifecycleTag',
    'accountTag',
  );
  const pipelines = options.pipelines?.length ? options.pipelines : BUILT_IN_PIPELINES;
  const pipelineLookup = new Map<string, ImportPipeline>();
  for (const p of pipelines)
    for (const key of [p.id, p.name, ...(labels.pipeline?.[p.id] ?? [])].map(normalizeValue))
      if (key !== '' && !pipelineLookup.has(key)) pipelineLookup.set(key, p);
  // A stage is looked up in its row's pipeline: ids, typed names, and the built-in stages' labels.
  const stageLookups = new Map(
    pipelines.map((p) => {
      const find = listLookup(
        p.stages.map((st) => st.id),
        Object.fromEntries(
          p.stages.map((st) => [st.id, [st.name, ...(labels.stage?.[st.id] ?? [])]]),
        ),
      );
      return [p.id, find] as const;
    }),
  );
  const owner = memberLookup(options.members);
  const accountsByCode = new Map<string, string>();
  const accountsByName = new Map<string, string>();
  for (const a of options.accounts) {
    if (a.creditCode) accountsByCode.set(normalizeCreditCode(a.creditCode), a.id);
    const key = companyNameKey(a.name);
    if (key && !accountsByName.has(key)) accountsByName.set(key, a.id);
  }

  const listConverter: Converter = (cell, field) => {
    const t = textOf(cell);
    if (t === '') return { value: '' };
    const chosen = overrides[field]?.[t] ?? lookups[field]?.(t);
    return chosen ? { value: chosen } : { issue: ImportMessage.valueUnknown };
  };
  const numberConverter: Converter = (cell) => {
    if (isBlank(cell)) return { value: 0 };
    const n = parseNumber(cell);
    return n === null ? { issue: ImportMessage.numberFormat } : { value: n };
  };
  const dateConverter: Converter = (cell) => {
    if (isBlank(cell)) return { value: '' };
    const d = parseDate(cell);
    return d === null ? { issue: ImportMessage.dateFormat } : { value: d };
  };
  const converters: Record<string, Converter> = {
    sizeBand: listConverter,
    region: listConverter,
    source: listConverter,
    tier: listConverter,
    status: listConverter,
    decisionRole: listConverter,
    decisionPower: listConverter,
    industry: listConverter,
    type: listConverter,
    pipelineId: (cell, field) => {
      const t = textOf(cell);
      if (t === '') return { value: pipelines[0].id };
      const id = overrides[field]?.[t] ?? pipelineLookup.get(normalizeValue(t))?.id;
      return id ? { value: id } : { issue: ImportMessage.valueUnknown };
    },
    amount: numberConverter,
    probability: numberConverter,
    score: numberConverter,
    birthday: dateConverter,
    closeDate: dateConverter,
    dueDate: dateConverter,
    occurredAt: (cell) => {
      if (isBlank(cell)) return { value: now };
      const t = parseTimestamp(cell);
      return t === null ? { issue: ImportMessage.dateFormat } : { value: t };
    },
    done: (cell) => {
      const b = parseBoolean(isBlank(cell) ? '' : cell);
      return b === null ? { issue: ImportMessage.booleanFormat } : { value: b };
    },
    tags: (cell) => ({
      value: textOf(cell)
        .split(/[,，;；、|]/)
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((t) => overrides.tags?.[t] ?? tagLookup(t) ?? t),
    }),
    ownerId: (cell, field) => {
      const t = textOf(cell);
      if (t === '') return { value: options.blankOwner ?? options.actor.userId };
      const id = overrides[field]?.[t] ?? owner(t);
      return id ? { value: id } : { issue: ImportMessage.ownerUnknown };
    },
  };

  const schema = entitySchemas[kind] as unknown as z.ZodType<EntityByCollection[K]>;
  const firstLine = options.firstLine ?? 2;
  const valid: ValidRow<K>[] = [];
  const issues: RowIssue[] = [];
  const rejectedRows: number[] = [];

  rows.forEach((cells, index) => {
    const row = firstLine + index;
    if (cells.every(isBlank)) return;
    const rowIssues: RowIssue[] = [];
    const record: Record<string, unknown> = defaults(kind, now, pipelines[0]);
    let accountName = '';
    let accountCode = '';
    let stageCell: Cell = '';
    let ownerNamed = false;
    mapping.forEach((field, column) => {
      if (field === null) return;
      const cell = cells[column];
      if (field === 'ownerId' && textOf(cell) !== '') ownerNamed = true;
      if (field === 'accountName') return void (accountName = textOf(cell));
      if (field === 'accountCreditCode') return void (accountCode = textOf(cell));
      if (kind === 'deals' && field === 'stage') return void (stageCell = cell);
      const convert = converters[field];
      if (!convert) return void (record[field] = textOf(cell));
      const out = convert(cell, field);
      if ('issue' in out)
        rowIssues.push({ row, field, reason: out.issue, params: { value: textOf(cell) } });
      else record[field] = out.value;
    });
    if (accountName !== '' || accountCode !== '') {
      const id =
        (accountCode && accountsByCode.get(normalizeCreditCode(accountCode))) ||
        (accountName && accountsByName.get(companyNameKey(accountName)));
      if (id) {
        record.accountId = id;
        if (kind === 'activities') Object.assign(record, { relatedType: 'account', relatedId: id });
      } else
        rowIssues.push({
          row,
          field: accountCode && !accountName ? 'accountCreditCode' : 'accountName',
          reason: ImportMessage.accountUnknown,
          params: { value: accountName || accountCode },
        });
    }
    if (kind === 'deals') {
      const pipeline = pipelines.find((p) => p.id === record.pipelineId) ?? pipelines[0];
      const t = textOf(stageCell);
      const stageId =
        t === ''
          ? pipeline.stages[0].id
          : (overrides.stage?.[t] ?? stageLookups.get(pipeline.id)?.(t) ?? null);
      const stage: PipelineStage | undefined = pipeline.stages.find((st) => st.id === stageId);
      if (!stage) {
        // Unknown in the row's pipeline; after a bad pipeline cell (explained on its own) it is not judged.
        if (rowIssues.some((i) => i.field === 'pipelineId')) record.stage = pipeline.stages[0].id;
        else
          rowIssues.push({
            row,
            field: 'stage',
            reason: ImportMessage.valueUnknown,
            params: { value: t },
          });
      } else {
        // Entering a stage sets status and probability (the deal rule); columns the file has win.
        const entry = stageEntryChanges(stage);
        record.stage = entry.stage;
        if (!mapping.includes('status')) record.status = entry.status;
        if (!mapping.includes('probability')) record.probability = entry.probability;
      }
    }
    const ownerId =
      typeof record.ownerId === 'string'
        ? record.ownerId
        : (options.blankOwner ?? options.actor.userId);
    const teamId = options.teamFor ? options.teamFor(ownerId) : options.actor.teamId;
    if (teamId === null)
      rowIssues.push({ row, field: 'ownerId', reason: ImportMessage.ownerOutOfScope });
    Object.assign(record, {
      id: options.newId(),
      workspaceId: options.actor.workspaceId,
      teamId: teamId ?? '',
      ownerId,
      createdAt: now,
      updatedAt: now,
      createdBy: options.actor.userId,
      updatedBy: options.actor.userId,
      deleted: false,
    });
    const stored = storedForm(kind, record as EntityByCollection[K]) as Record<string, unknown>;
    const failed = new Set(rowIssues.map((i) => i.field));
    const parsed = schema.safeParse(stored);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (failed.has(field)) continue; // already explained with the cell's own text
        failed.add(field);
        rowIssues.push({
          row,
          field,
          reason: issue.message.startsWith('validation.') ? issue.message : ImportMessage.invalid,
        });
      }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      rejectedRows.push(row);
    } else if (parsed.success)
      valid.push({
        row,
        record: parsed.data,
        ...(ownerNamed ? {} : { ownerDefaulted: true as const }),
      });
  });
  return { valid, issues, rejectedRows };
}

/** Accounts an import creates, as relation targets for the contacts, deals or activities imported after them. */
export function accountRefs(rows: readonly ValidRow<'accounts'>[]): AccountRef[] {
  return rows.map(({ record }) => ({
    id: record.id,
    name: record.name,
    creditCode: record.creditCode,
  }));
}

/**
 * The record fields a mapping fills, for updating an existing record from a row: only what the file holds
 * (a relation column fills `accountId`), never the defaults an unmapped field gets.
 */
export function mappedFields(mapping: ColumnMapping): string[] {
  const fields = new Set<string>();
  for (const field of mapping) {
    if (field === null) continue;
    fields.add(field === 'accountName' || field === 'accountCreditCode' ? 'accountId' : field);
  }
  return [...fields];
}
