import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, e.g. 'creditCode' or 'lineItems.0.unitPrice'. */
  path: string;
  /** An i18n key from shared/validation/messages.ts (or another translated key). */
  message: string;
}

/** A write that failed validation: nothing was saved; each issue names the field and the reason. */
export class RecordValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(`validation failed: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
    this.issues = issues;
  }
}

/** A rule refused the change (stage gate, status workflow); `message` is an i18n key, `params` its values. */
export class BusinessRuleError extends Error {
  readonly messageKey: string;
  readonly params: Record<string, string>;
  constructor(messageKey: string, params: Record<string, string> = {}) {
    super(messageKey);
    this.name = 'BusinessRuleError';
    this.messageKey = messageKey;
    this.params = params;
  }
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
