import { analyzeRows, type Analysis, type AnalyzeOptions } from '@shared/import/analyze';
import { planImport, type DuplicateGroup, type ImportPlan } from '@shared/import/duplicates';
import type { RowIssue } from '@shared/import/validate-rows';
import { filledRowCount, parseImportFile, type ImportCell, type ParsedTable } from './parse-file';

/**
 * One import's work off the page (issue 17, B11): the import worker keeps the parsed table, the validated
 * records and the plan, and answers with reports and batches, so 100,000 rows never cross to the page at once
 * and the page stays responsive. The same host runs in-process where there are no workers (unit tests).
 */
export type JobRequest =
  | { type: 'parse'; name: string; data: ArrayBuffer }
  | { type: 'analyze'; options: AnalyzeOptions }
  | { type: 'plan'; groups: DuplicateGroup[] }
  | { type: 'records'; start: number; count: number }
  | { type: 'rows'; lines: number[] };

/** What the page needs of a parsed file: its columns, size and the first rows (the mapping step's preview). */
export interface TableSummary {
  format: ParsedTable['format'];
  encoding?: ParsedTable['encoding'];
  headers: string[];
  rowCount: number;
  preview: ImportCell[][];
}

/** The validation report and duplicate preview; the valid records stay in the worker. */
export interface AnalysisReport {
  validCount: number;
  issues: RowIssue[];
  rejectedRows: number[];
  groups: DuplicateGroup[];
}

/** The plan without its new records (those come in batches through `records`). */
export interface PlanSummary {
  createCount: number;
  update: ImportPlan<unknown>['update'];
  skipped: number[];
}

export interface JobResults {
  parse: TableSummary;
  analyze: AnalysisReport;
  plan: PlanSummary;
  records: unknown[];
  rows: Record<number, ImportCell[]>;
}

const PREVIEW_ROWS = 20;

export class ImportHost {
  private table: ParsedTable | null = null;
  private analysis: Analysis | null = null;
  private plan: ImportPlan<unknown> | null = null;

  async handle(request: JobRequest): Promise<JobResults[JobRequest['type']]> {
    switch (request.type) {
      case 'parse': {
        this.table = await parseImportFile(request.name, request.data);
        this.analysis = null;
        this.plan = null;
        const { format, encoding, headers, rows } = this.table;
        return {
          format,
          ...(encoding ? { encoding } : {}),
          headers,
          rowCount: filledRowCount(rows),
          preview: rows.slice(0, PREVIEW_ROWS),
        };
      }
      case 'analyze': {
        this.analysis = analyzeRows(this.requireTable().rows, request.options);
        this.plan = null;
        const { valid, issues, rejectedRows, groups } = this.analysis;
        return { validCount: valid.length, issues, rejectedRows, groups };
      }
      case 'plan': {
        if (!this.analysis) throw new Error('analyze before plan');
        this.plan = planImport<unknown>(this.analysis.valid, request.groups);
        return {
          createCount: this.plan.create.length,
          update: this.plan.update,
          skipped: this.plan.skipped,
        };
      }
      case 'records': {
        if (!this.plan) throw new Error('plan before records');
        return this.plan.create.slice(request.start, request.start + request.count);
      }
      case 'rows': {
        const rows = this.requireTable().rows;
        return Object.fromEntries(request.lines.map((line) => [line, rows[line - 2] ?? []]));
      }
    }
  }

  private requireTable(): ParsedTable {
    if (!this.table) throw new Error('parse a file first');
    return this.table;
  }
}
