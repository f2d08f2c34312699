import { useRef, useState } from 'react';
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
  importPlan,
  unmatchedValues,
  type ImportAnalysis,
} from '../../data/services/import/import-analysis';
import { importHeaderLabels } from '../../data/services/import/import-labels';
import { ImportService, type ImportSummary } from '../../data/services/import/import-service';
import { formatOf, type ParsedTable } from '../../data/services/import/parse-file';
import { parseImport } from '../../data/services/import/parse-in-worker';
import { logError } from '../../platform/log';

/**
 * The import wizard's state and its steps' work (issue 17): read the file (in a worker when large), guess or
 * recall the column mapping, check the rows, plan and write. The page only renders what this holds.
 */
export const STEPS = ['file', 'mapping', 'values', 'report', 'duplicates', 'run'] as const;
export type Step = (typeof STEPS)[number];

export interface ChosenFile {
  name: string;
  table: ParsedTable;
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
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const running = useRef<AbortController | null>(null);
  const actor = {
    userId: session.userId,
    workspaceId: session.workspaceId,
    teamId: session.teamId,
  };

  /** The mapping for a table: the one saved for its layout, else the guess from its headers. */
  const mapTable = async (target: ImportKind, table: ParsedTable) => {
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
    try {
      const table = await parseImport(picked.name, await picked.arrayBuffer());
      if (table.rows.length === 0) {
        setError({ key: 'import.file.empty' });
        setFile(null);
        return;
      }
      setFile({ name: picked.name, table });
      setOverrides({});
      await mapTable(kind, table);
    } catch (e) {
      logError('import file could not be read', e);
      setFile(null);
      setError({
        key: 'import.file.failed',
        values: { name: picked.name, reason: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      setReading(null);
    }
  };

  const check = async (withOverrides: Overrides): Promise<ImportAnalysis | null> => {
    if (!file) return null;
    setChecking({ done: 0, total: file.table.rows.length });
    try {
      const result = await analyzeImport(repos, {
        kind,
        rows: file.table.rows,
        mapping,
        valueOverrides: withOverrides,
        actor,
        onProgress: (done, total) => setChecking({ done, total }),
      });
      setAnalysis(result);
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
    if (result) setUnmatched(unmatchedValues(result.validation.issues));
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

  const plan = () => (analysis ? importPlan(analysis, actions) : null);

  const run = async () => {
    const chosen = plan();
    if (!chosen) return;
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setWriting({ done: 0, total: chosen.create.length + chosen.update.length });
    try {
      const result = await new ImportService(repos).write(kind, chosen, {
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
    setStep('file');
    setFile(null);
    setMapping([]);
    setOverrides({});
    setUnmatched(new Map());
    setAnalysis(null);
    setActions(new Map());
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
    plan,
    run,
    writing,
    cancel,
    summary,
    restart,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
