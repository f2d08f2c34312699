import type { AnalyzeOptions } from '@shared/import/analyze';
import { duplicateProbe } from '@shared/import/duplicates';
import type { ColumnMapping, ImportKind } from '@shared/import/header-guess';
import { ImportMessage, type AccountRef, type RowIssue } from '@shared/import/validate-rows';
import type { MemberRef } from '@shared/import/value-map';
import type { Repositories } from '../../repositories';
import type { Actor } from '../../repositories/entity-repository';
import type { AnalysisReport } from './import-host';
import type { ImportJob } from './import-job';
import { ImportService } from './import-service';
import { importLabels } from './import-labels';

/**
 * The wizard's checking step as a thin adapter over `ImportJob` (issue 17): it reads from the replica what the
 * rows are checked against (members, accounts for relations, the kind's records for duplicates, the owner →
 * team rule as data) and lets the job validate and group in the import worker — the path B11 measures.
 */
/** No list holds more records than this in a replica (B-series sets stay well below). */
const READ_LIMIT = 1_000_000;

/** A replica record a duplicate group points to, as the preview names it. */
export interface ExistingRecord {
  id: string;
  name: string;
  detail: string;
}

export interface ImportAnalysis extends AnalysisReport {
  existing: Map<string, ExistingRecord>;
}

export interface ImportContext {
  /** Everything `ImportJob.analyze` needs but the mapping, the value overrides and the clock. */
  options: Omit<AnalyzeOptions, 'mapping' | 'valueOverrides' | 'now'>;
  /** The kind's replica records by id (the duplicate preview names the ones a group points to). */
  records: Map<string, Record<string, unknown>>;
}

/** What the replica holds that the rows are checked against. */
export async function importContext<K extends ImportKind>(
  repos: Repositories,
  kind: K,
  actor: Actor,
): Promise<ImportContext & { options: { kind: K } }> {
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
  // Every kind is compared with what the replica holds (deals by account and name, activities by account, kind,
  // subject and minute), so a re-imported list finds the records it came from.
  const records = (await repos[kind].find({
    selector: { deleted: false },
    limit: READ_LIMIT,
  })) as Record<string, unknown>[];
  const existing = records.flatMap((record) => {
    const probe = duplicateProbe(kind, record);
    return probe ? [{ id: String(record.id), probe }] : [];
  });
  // The owner → team rule the write applies, as data for the worker: rows it refuses are reported up front.
  const teamFor = await new ImportService(repos).teamFor(kind, actor.teamId);
  // Leads without an owner are left for the server's assignment rules when the workspace has them on.
  const blankOwner =
    kind === 'leads' && (await repos.settings.leadAssignment()).enabled ? '' : undefined;
  // Deals: stages and pipelines are matched against the workspace's own pipelines, not only the built-in one.
  const pipelines =
    kind === 'deals'
      ? (await repos.settings.pipelines()).map((p) => ({ id: p.id, ...p.value }))
      : undefined;
  const ownerTeams: Record<string, string | null> = {};
  for (const id of new Set([actor.userId, blankOwner ?? actor.userId, ...members.map((m) => m.id)]))
    ownerTeams[id] = teamFor(id);
  return {
    options: {
      kind,
      labels: importLabels(),
      members,
      accounts,
      actor,
      existing,
      ownerTeams,
      ...(blankOwner !== undefined ? { blankOwner } : {}),
      ...(pipelines ? { pipelines } : {}),
    },
    records: new Map(records.map((r) => [String(r.id), r])),
  };
}

function describeExisting(kind: ImportKind, record: Record<string, unknown>): ExistingRecord {
  const s = (k: string) => (typeof record[k] === 'string' ? record[k] : '');
  const detail =
    kind === 'accounts'
      ? s('creditCode')
      : kind === 'deals'
        ? s('closeDate')
        : [s('mobile'), s('email')].filter(Boolean).join(' · ');
  return { id: s('id'), name: kind === 'activities' ? s('subject') : s('name'), detail };
}

/** The job's validation report and duplicate groups for a parsed file, with the matched records named. */
export async function analyzeImport(
  job: ImportJob,
  context: ImportContext,
  input: { mapping: ColumnMapping; valueOverrides: AnalyzeOptions['valueOverrides'] },
): Promise<ImportAnalysis> {
  const report = await job.analyze({
    ...context.options,
    mapping: input.mapping,
    valueOverrides: input.valueOverrides,
    now: Date.now(),
  });
  const existing = new Map<string, ExistingRecord>();
  for (const id of new Set(report.groups.flatMap((g) => g.existingIds))) {
    const record = context.records.get(id);
    if (record) existing.set(id, describeExisting(context.options.kind, record));
  }
  return { ...report, existing };
}

/** Cell texts a person may map by hand: the list and owner cells the engine could not match, per field. */
export function unmatchedValues(issues: readonly RowIssue[]): Map<string, string[]> {
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
