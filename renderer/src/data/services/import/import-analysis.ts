import type { EntityByCollection } from '@shared/domain';
import {
  duplicateProbe,
  groupDuplicates,
  planImport,
  type DuplicateGroup,
  type ImportPlan,
} from '@shared/import/duplicates';
import type { ColumnMapping, ImportKind } from '@shared/import/header-guess';
import {
  ImportMessage,
  validateRows,
  type AccountRef,
  type ValidateOptions,
  type ValidationResult,
} from '@shared/import/validate-rows';
import type { MemberRef } from '@shared/import/value-map';
import type { Repositories } from '../../repositories';
import type { Actor } from '../../repositories/entity-repository';
import { importLabels } from './import-labels';
import type { ImportCell } from './parse-file';

/**
 * The import wizard's checking step (issue 17): the file's rows through the engine (validate-rows, duplicates)
 * against what the replica holds. Rows are validated in slices with a pause between them, so the page keeps
 * painting its progress and answering keys while 100,000 rows are checked.
 */
const SLICE = 2000;
/** No list holds more records than this in a replica (B-series sets stay well below). */
const READ_LIMIT = 1_000_000;

export interface AnalysisInput<K extends ImportKind = ImportKind> {
  kind: K;
  rows: readonly (readonly ImportCell[])[];
  mapping: ColumnMapping;
  valueOverrides: ValidateOptions['valueOverrides'];
  actor: Actor;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A replica record a duplicate group points to, as the preview names it. */
export interface ExistingRecord {
  id: string;
  name: string;
  detail: string;
}

export interface ImportAnalysis<K extends ImportKind = ImportKind> {
  validation: ValidationResult<K>;
  groups: DuplicateGroup[];
  existing: Map<string, ExistingRecord>;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the replica holds that the rows are checked against: members, accounts (relations) and the kind's records. */
async function replicaContext(repos: Repositories, kind: ImportKind) {
  const users = await repos.members.users();
  const members: MemberRef[] = users.map((m) => ({ id: m.id, name: m.name, email: m.email }));
  const needsAccounts = kind !== 'accounts' && kind !== 'leads';
  const accounts: AccountRef[] = needsAccounts
    ? (await repos.accounts.find({ selector: { deleted: false }, limit: READ_LIMIT })).map((a) => ({
        id: a.id,
        name: a.name,
        creditCode: a.creditCode,
      }))
    : [];
  const records =
    kind === 'accounts' || kind === 'contacts' || kind === 'leads'
      ? ((await repos[kind].find({ selector: { deleted: false }, limit: READ_LIMIT })) as Record<
          string,
          unknown
        >[])
      : [];
  return { members, accounts, records };
}

function describeExisting(kind: ImportKind, record: Record<string, unknown>): ExistingRecord {
  const s = (k: string) => (typeof record[k] === 'string' ? record[k] : '');
  const detail =
    kind === 'accounts' ? s('creditCode') : [s('mobile'), s('email')].filter(Boolean).join(' · ');
  return { id: s('id'), name: s('name'), detail };
}

/** Validates every row and groups the duplicates (against the replica and within the file). */
export async function analyzeImport<K extends ImportKind>(
  repos: Repositories,
  input: AnalysisInput<K>,
): Promise<ImportAnalysis<K>> {
  const { kind, rows } = input;
  const context = await replicaContext(repos, kind);
  const labels = importLabels();
  const now = Date.now();
  const validation: ValidationResult<K> = { valid: [], issues: [], rejectedRows: [] };
  for (let start = 0; start < rows.length; start += SLICE) {
    if (input.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const slice = validateRows(rows.slice(start, start + SLICE), {
      kind,
      mapping: input.mapping,
      labels,
      members: context.members,
      accounts: context.accounts,
      actor: input.actor,
      now,
      newId: () => crypto.randomUUID(),
      valueOverrides: input.valueOverrides,
      firstLine: start + 2,
    });
    validation.valid.push(...slice.valid);
    validation.issues.push(...slice.issues);
    validation.rejectedRows.push(...slice.rejectedRows);
    input.onProgress?.(Math.min(start + SLICE, rows.length), rows.length);
    await pause();
  }
  const incoming = validation.valid.flatMap(({ row, record }) => {
    const probe = duplicateProbe(kind, record);
    return probe ? [{ row, probe }] : [];
  });
  const existingProbes = context.records.flatMap((record) => {
    const probe = duplicateProbe(kind, record);
    return probe ? [{ id: String(record.id), probe }] : [];
  });
  const groups = groupDuplicates(incoming, existingProbes);
  const existing = new Map<string, ExistingRecord>();
  const wanted = new Set(groups.flatMap((g) => g.existingIds));
  for (const record of context.records)
    if (wanted.has(String(record.id)))
      existing.set(String(record.id), describeExisting(kind, record));
  return { validation, groups, existing };
}

/** Cell texts a person may map by hand: the list and owner cells the engine could not match, per field. */
export function unmatchedValues(issues: ValidationResult['issues']): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const issue of issues) {
    if (issue.reason !== ImportMessage.valueUnknown && issue.reason !== ImportMessage.ownerUnknown)
      continue;
    const value = String(issue.params?.value ?? '');
    if (value === '') continue;
    const set = out.get(issue.field) ?? new Set<string>();
    set.add(value);
    out.set(issue.field, set);
  }
  return new Map([...out].map(([field, values]) => [field, [...values].sort()]));
}

/** The plan the chosen actions make (shared/import/duplicates.ts `planImport`). */
export function importPlan<K extends ImportKind>(
  analysis: ImportAnalysis<K>,
  actions: ReadonlyMap<number, DuplicateGroup['action']>,
): ImportPlan<EntityByCollection[K]> {
  const groups = analysis.groups.map((g, i) => ({ ...g, action: actions.get(i) ?? g.action }));
  return planImport(analysis.validation.valid, groups);
}
