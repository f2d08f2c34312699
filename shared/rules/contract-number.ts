/**
 * Contract numbers (合同编号, issue 20): generated from the workspace's pattern (settings kind `contractNumbering`)
 * and unique among the workspace's live contracts. Pure: today's date and the existing numbers are arguments.
 *
 * A pattern is literal text with tokens: {YYYY} {YY} {MM} {DD} (today's date) and exactly one {SEQ:n} (the
 * sequence, zero-padded to n digits, 1–10; it grows past n digits rather than wrap). The sequence restarts every
 * year, every month, or never; a restarting sequence needs the date tokens that tell the periods apart, otherwise
 * January's HT-0001 and February's HT-0001 would be the same number.
 */

export const CONTRACT_NUMBER_RESETS = ['yearly', 'monthly', 'never'] as const;
export type ContractNumberReset = (typeof CONTRACT_NUMBER_RESETS)[number];

export interface ContractNumberingRule {
  pattern: string;
  reset: ContractNumberReset;
}

export type PatternPart =
  | { kind: 'text'; text: string }
  | { kind: 'YYYY' | 'YY' | 'MM' | 'DD' }
  | { kind: 'SEQ'; digits: number };

/** Why a pattern cannot be used (each has its message in the i18n resources, `contractNumbering.errors.*`). */
export type PatternProblem =
  | 'empty'
  | 'unknownToken'
  | 'noSequence'
  | 'twoSequences'
  | 'sequenceDigits'
  | 'resetNeedsYear'
  | 'resetNeedsMonth';

const TOKEN = /\{([^{}]*)\}/g;

/**
 * Parses a pattern into literal text and tokens, or says what is wrong with it. A brace that does not open or close
 * a known token is an error (a typo such as {YYY} should not end up printed on contracts).
 */
export function parseContractNumberPattern(
  pattern: string,
): { ok: true; parts: PatternPart[] } | { ok: false; problem: PatternProblem } {
  if (pattern.trim() === '') return { ok: false, problem: 'empty' };
  const parts: PatternPart[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, match.index);
    if (literal.includes('{') || literal.includes('}'))
      return { ok: false, problem: 'unknownToken' };
    if (literal) parts.push({ kind: 'text', text: literal });
    const token = match[1];
    if (token === 'YYYY' || token === 'YY' || token === 'MM' || token === 'DD') {
      parts.push({ kind: token });
    } else {
      const seq = /^SEQ(?::(\d+))?$/.exec(token);
      if (!seq) return { ok: false, problem: 'unknownToken' };
      const digits = seq[1] === undefined ? 4 : Number(seq[1]);
      if (digits < 1 || digits > 10) return { ok: false, problem: 'sequenceDigits' };
      parts.push({ kind: 'SEQ', digits });
    }
    last = match.index + match[0].length;
  }
  const tail = pattern.slice(last);
  if (tail.includes('{') || tail.includes('}')) return { ok: false, problem: 'unknownToken' };
  if (tail) parts.push({ kind: 'text', text: tail });
  const sequences = parts.filter((p) => p.kind === 'SEQ').length;
  if (sequences === 0) return { ok: false, problem: 'noSequence' };
  if (sequences > 1) return { ok: false, problem: 'twoSequences' };
  return { ok: true, parts };
}

/** What is wrong with a numbering rule (pattern and reset together), or null when it can be used. */
export function contractNumberingProblem(rule: ContractNumberingRule): PatternProblem | null {
  const parsed = parseContractNumberPattern(rule.pattern);
  if (!parsed.ok) return parsed.problem;
  const has = (kind: PatternPart['kind']) => parsed.parts.some((p) => p.kind === kind);
  if (rule.reset !== 'never' && !has('YYYY') && !has('YY')) return 'resetNeedsYear';
  if (rule.reset === 'monthly' && !has('MM')) return 'resetNeedsMonth';
  return null;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
}

function dateParts(today: string): DateParts {
  return { year: today.slice(0, 4), month: today.slice(5, 7), day: today.slice(8, 10) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for numbers the pattern made: the date tokens and the sequence of a number, or null. */
function numberMatcher(parts: readonly PatternPart[]) {
  const groups: PatternPart['kind'][] = [];
  const source = parts
    .map((part) => {
      if (part.kind === 'text') return escapeRegExp(part.text);
      groups.push(part.kind);
      if (part.kind === 'YYYY') return '(\\d{4})';
      // A sequence may have outgrown its padding (HT-10000 after HT-9999).
      if (part.kind === 'SEQ') return `(\\d{${part.digits},})`;
      return '(\\d{2})';
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (number: string) => {
    const match = regex.exec(number.trim());
    if (!match) return null;
    const found: Partial<Record<PatternPart['kind'], string>> = {};
    groups.forEach((kind, i) => (found[kind] = match[i + 1]));
    return found;
  };
}

/**
 * The next contract number on `today` ('YYYY-MM-DD'): the highest sequence among `existing` numbers of the current
 * period, plus one (gaps left by deleted or renumbered contracts are not refilled: a number once printed is not
 * given to another contract). Numbers that do not match the pattern (typed by hand, made under an older pattern)
 * are ignored. Null when the rule cannot be used (see `contractNumberingProblem`).
 */
export function nextContractNumber(
  rule: ContractNumberingRule,
  existing: readonly string[],
  today: string,
): string | null {
  if (contractNumberingProblem(rule)) return null;
  const parsed = parseContractNumberPattern(rule.pattern);
  if (!parsed.ok) return null;
  const { parts } = parsed;
  const now = dateParts(today);
  const match = numberMatcher(parts);
  const inPeriod = (found: Partial<Record<PatternPart['kind'], string>>) => {
    if (rule.reset === 'never') return true;
    const sameYear =
      found.YYYY !== undefined ? found.YYYY === now.year : found.YY === now.year.slice(2);
    if (!sameYear) return false;
    return rule.reset === 'yearly' || found.MM === now.month;
  };
  let highest = 0;
  for (const number of existing) {
    const found = match(number);
    if (!found || !inPeriod(found)) continue;
    highest = Math.max(highest, Number(found.SEQ));
  }
  return formatContractNumber(parts, now, highest + 1);
}

/** The pattern filled for a date and sequence (the settings card's preview uses sequence 1). */
function formatContractNumber(parts: readonly PatternPart[], date: DateParts, seq: number): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.text;
        case 'YYYY':
          return date.year;
        case 'YY':
          return date.year.slice(2);
        case 'MM':
          return date.month;
        case 'DD':
          return date.day;
        case 'SEQ':
          return String(seq).padStart(part.digits, '0');
      }
    })
    .join('');
}

/** A contract as the uniqueness rule reads it. */
export interface ContractNumberHolder {
  id: string;
  number: string;
  deleted: boolean;
}

/** Why a contract may not carry its number: another live contract already does. */
export interface ContractNumberRefusal {
  reason: 'contractNumberTaken';
  existingId: string;
  number: string;
}

/** The form a number is compared in: surrounding spaces never make two numbers different. */
export function normalizeContractNumber(number: string): string {
  return number.trim();
}

/**
 * Contract numbers are unique among the workspace's live contracts (issue 20). `after` is refused when it is live,
 * its number is new to it (created, restored, or changed: an edit keeping the number it had is never refused, so
 * duplicates stored before the rule stay editable) and another live contract in `holders` has that number.
 */
export function contractNumberRefusal(
  before: ContractNumberHolder | null,
  after: ContractNumberHolder,
  holders: readonly ContractNumberHolder[],
): ContractNumberRefusal | null {
  const number = normalizeContractNumber(after.number);
  if (number === '' || after.deleted) return null;
  if (before && !before.deleted && normalizeContractNumber(before.number) === number) return null;
  const holder = holders.find(
    (other) =>
      other.id !== after.id && !other.deleted && normalizeContractNumber(other.number) === number,
  );
  return holder ? { reason: 'contractNumberTaken', existingId: holder.id, number } : null;
}
