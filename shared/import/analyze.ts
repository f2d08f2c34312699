import {
  duplicateProbe,
  groupDuplicates,
  type DuplicateGroup,
  type ImportProbe,
} from './duplicates';
import type { ImportKind } from './header-guess';
import { validateRows, type RowIssue, type ValidRow, type ValidateOptions } from './validate-rows';

/**
 * Validation and the duplicate preview in one pass (issue 17), so both can run where the rows are — in the
 * import worker for a large file — and only the report crosses to the page. Everything in the options is data
 * (no callbacks), so they cross a worker boundary as they are.
 */
export interface AnalyzeOptions extends Omit<ValidateOptions, 'newId' | 'teamFor'> {
  /** Records already in the replica to compare with (id and the fields `duplicateProbe` reads). */
  existing: readonly { id: string; probe: ImportProbe }[];
  /**
   * The owner → team rule as data (`teamFor` cannot cross to the worker): owner id → the team a record of theirs
   * is saved in, or null when refused. An owner missing here is refused. Without it the actor's team is used.
   */
  ownerTeams?: Readonly<Record<string, string | null>>;
}

export interface Analysis<K extends ImportKind = ImportKind> {
  valid: ValidRow<K>[];
  issues: RowIssue[];
  rejectedRows: number[];
  groups: DuplicateGroup[];
}

/** Validates rows and groups the valid ones that collide with each other or with `existing`. Pure. */
export function analyzeRows<K extends ImportKind>(
  rows: readonly (readonly unknown[])[],
  options: AnalyzeOptions & { kind: K },
  newId: () => string = () => crypto.randomUUID(),
): Analysis<K> {
  const { existing, ownerTeams, ...validate } = options;
  const teamFor = ownerTeams
    ? (ownerId: string) => (Object.hasOwn(ownerTeams, ownerId) ? ownerTeams[ownerId] : null)
    : undefined;
  const result = validateRows(rows, { ...validate, newId, ...(teamFor ? { teamFor } : {}) });
  const incoming: { row: number; probe: ImportProbe }[] = [];
  for (const { row, record } of result.valid) {
    const probe = duplicateProbe(options.kind, record);
    if (probe) incoming.push({ row, probe });
  }
  const groups = incoming.length > 0 ? groupDuplicates(incoming, existing) : [];
  return { ...result, groups };
}
