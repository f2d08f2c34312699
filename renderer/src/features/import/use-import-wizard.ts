import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DuplicateAction } from '@shared/import/duplicates';
import {
  guessMapping,
  layoutSignature,
  type ColumnMapping,
  type ImportKind,
} from '@shared/import/header-guess';
import { mappedFields } from '@shared/import/validate-rows';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { settingKeys } from '../../entities/settings/queries';
import {
  analyzeImport,
  importContext,
  unmatchedValues,
  type ImportAnalysis,
} from '../../data/services/import/import-analysis';
import type { PlanSummary, TableSummary } from '../../data/services/import/import-host';
import { ImportJob } from '../../data/services/import/import-job';
import { importHeaderLabels } from '../../data/services/import/import-labels';
import { ImportService, type ImportSummary } from '../../data/services/import/import-service';
import { formatOf, type ImportCell } from '../../data/services/import/parse-file';
import { logError } from '../../platform/log';

/**
 * The import wizard's state and its steps' work (issue 17): an `ImportJob` reads, checks and plans in the import
 * worker (the path B11 measures), the page guesses or recalls the column mapping and `ImportService` writes the
 * planned records batch by batch. The page only renders what this holds.
 */
export const STEPS = ['file', 'mapping', 'values', 'report', 'duplicates', 'run'] as const;
export type Step = (typeof STEPS)[number];

export interface ChosenFile {
  name: string;
  /** Headers, row count and the first rows; the rows themselves stay in the job's worker. */
  table: TableSummary;
}

export type Overrides = Record<string, Record<string, string>>;

export interface Progress {
  done: number;
  total: number;
}

/** Why a step could not go on, as an i18n key with its values (the page translates). */
export interface StepError {
  key: string;
  values?: Record<string, string | number>;
}

export function useImportWizard(initialKind: ImportKind) {
  const repos = useRepositories();
  const { session } = useWorkspace();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('file');
  const [kind, setKindState] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<StepError | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [savedMappingUsed, setSavedMappingUsed] = useState(false);
  const [remember, setRemember] = useState(true);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [unmatched, setUnmatched] = useState<Map<string, string[]>>(new Map());
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [checking, setChecking] = useState<Progress | null>(null);
  const [actions, setActions] = useState<Map<number, DuplicateAction>>(new Map());
  const [writing, setWriting] = useState<Progress | null>(null);
  const [planned, setPlanned] = useState<PlanSummary | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const running = useRef<AbortController | null>(null);
  // One job per chosen file: it holds the parsed rows, the checked records and the plan.
  const job = useRef<ImportJob | null>(null);
  const closeJob = () => {
    job.current?.close();
    job.current = null;
  };
  useEffect(() => closeJob, []);
  const actor = {
    userId: session.userId,
    workspaceId: session.workspaceId,
    teamId: session.teamId,
  };

  /** The mapping for a table: the one saved for its layout, else the guess from its headers. */
  const mapTable = async (target: ImportKind, table: TableSummary) => {
    const saved = await repos.settings
      .importMapping(layoutSignature(target, table.headers))
      .catch(() => null);
    if (saved && saved.mapping.length === table.headers.length) {
      setMapping(saved.mapping);
      setSavedMappingUsed(true);
    } else {
      setMapping(guessMapping(target, table.headers, importHeaderLabels(target)));
      setSavedMappingUsed(false);
    }
  };

  const chooseKind = (next: ImportKind) => {
    setKindState(next);
    if (file) void mapTable(next, file.table);
  };

  const chooseFile = async (picked: File | null) => {
    if (!picked) return;
    setError(null);
    if (formatOf(picked.name) === null) {
      setError({ key: 'import.file.unsupported', values: { name: picked.name } });
      return;
    }
    setReading(picked.name);
    closeJob();
    const opened = ImportJob.open();
    job.current = opened;
    try {
      const table = await opened.parse(picked.name, await picked.arrayBuffer());
      if (table.rowCount === 0) {
        setError({ key: 'import.file.empty' });
        setFile(null);
        closeJob();
        return;
      }
      setFile({ name: picked.name, table });
      setOverrides({});
      await mapTable(kind, table);
    } catch (e) {
      logError('import file could not be read', e);
      setFile(null);
      closeJob();
      setError({
        key: 'import.file.failed',
        values: { name: picked.name, reason: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      setReading(null);
    }
  };

  const check = async (withOverrides: Overrides): Promise<ImportAnalysis | null> => {
    const current = job.current;
    if (!file || !current) return null;
    // The worker checks all rows in one request; the page shows it is busy and stays responsive.
    setChecking({ done: 0, total: file.table.rowCount });
    try {
      const context = await importContext(repos, kind, actor);
      const result = await analyzeImport(current, context, {
        mapping,
        valueOverrides: withOverrides,
      });
      setAnalysis(result);
      setPlanned(null);
      setActions(new Map(result.groups.map((g, i) => [i, g.action])));
      return result;
    } finally {
      setChecking(null);
    }
  };

  /** Mapping → values: saves the mapping for this layout (when asked) and checks the rows once. */
  const confirmMapping = async () => {
    if (!file) return;
    if (remember)
      await repos.settings
        .saveImportMapping({ kind, signature: layoutSignature(kind, file.table.headers), mapping })
        .then(() => queryClient.invalidateQueries({ queryKey: settingKeys.all }))
        .catch((e: unknown) => logError('import mapping not saved', e));
    const result = await check(overrides);
    if (result) setUnmatched(unmatchedValues(result.issues));
    setStep('values');
  };

  /** Values → report: checks again when a value was mapped by hand. */
  const confirmValues = async () => {
    const chosen = Object.values(overrides).some((values) => Object.keys(values).length > 0);
    if (chosen) await check(overrides);
    setStep('report');
  };

  const setOverride = (field: string, text: string, code: string | null) =>
    setOverrides((current) => {
      const values = { ...current[field] };
      if (code) values[text] = code;
      else delete values[text];
      return { ...current, [field]: values };
    });

  const setAction = (group: number, action: DuplicateAction) =>
    setActions((current) => new Map(current).set(group, action));

  /** "Set all to": `update` only where the group matches exactly one record (planImport skips the rest). */
  const setAllActions = (action: DuplicateAction) => {
    if (!analysis) return;
    setActions(
      new Map(
        analysis.groups.map((g, i) => [
          i,
          action === 'update' && g.existingIds.length !== 1 ? g.action : action,
        ]),
      ),
    );
  };

  /** Duplicates → run: the job applies the chosen group actions (its new records stay in the worker). */
  const confirmDuplicates = async () => {
    if (!analysis || !job.current) return;
    const groups = analysis.groups.map((g, i) => ({ ...g, action: actions.get(i) ?? g.action }));
    try {
      setPlanned(await job.current.plan(groups));
      setStep('run');
    } catch (e) {
      logError('import plan failed', e);
      setError({
        key: 'import.run.failed',
        values: { reason: e instanceof Error ? e.message : String(e) },
      });
    }
  };

  /** The rejected rows' cells as read, indexed by line − 2 (what the rejects file takes), from the worker. */
  const rejectedCells = async (): Promise<ImportCell[][]> => {
    if (!analysis || !job.current) return [];
    const rows: ImportCell[][] = [];
    const found = await job.current.rows(analysis.rejectedRows);
    for (const [line, cells] of Object.entries(found)) rows[Number(line) - 2] = cells;
    return rows;
  };

  const run = async () => {
    const current = job.current;
    if (!planned || !current) return;
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setWriting({ done: 0, total: planned.createCount + planned.update.length });
    try {
      const result = await new ImportService(repos).write(kind, current.streamedPlan(planned), {
        batchSize: 500,
        signal: controller.signal,
        updateFields: mappedFields(mapping),
        onProgress: (p) => setWriting(p),
      });
      setSummary(result);
    } catch (e) {
      logError('import failed', e);
      setError({
        key: 'import.run.failed',
        values: { reason: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      running.current = null;
      setWriting(null);
    }
  };

  const cancel = () => running.current?.abort();

  const restart = () => {
    closeJob();
    setStep('file');
    setFile(null);
    setMapping([]);
    setOverrides({});
    setUnmatched(new Map());
    setAnalysis(null);
    setActions(new Map());
    setPlanned(null);
    setSummary(null);
    setError(null);
  };

  return {
    step,
    setStep,
    kind,
    chooseKind,
    file,
    reading,
    chooseFile,
    error,
    setError,
    mapping,
    setMapping,
    savedMappingUsed,
    remember,
    setRemember,
    confirmMapping,
    overrides,
    setOverride,
    unmatched,
    confirmValues,
    analysis,
    checking,
    actions,
    setAction,
    setAllActions,
    confirmDuplicates,
    rejectedCells,
    planned,
    run,
    writing,
    cancel,
    summary,
    restart,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
