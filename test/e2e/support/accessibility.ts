import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG levels the app promises (issue 16): 2.0 and 2.1, A and AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface ScreenViolation {
  rule: string;
  impact: string;
  help: string;
  /** How many elements break the rule on this screen. */
  count: number;
  /** The first few of them: their CSS target and axe's one-line summary of what is wrong. */
  examples: { target: string; summary: string }[];
}

/** Runs axe-core's WCAG 2.1 A/AA rules over what the page shows now. */
export async function scanScreen(page: Page): Promise<ScreenViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    count: violation.nodes.length,
    examples: violation.nodes.slice(0, 5).map((node) => ({
      target: node.target.map(String).join(' '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** A readable report of one screen's violations (shown when the assertion fails). */
export function describeViolations(screen: string, violations: ScreenViolation[]): string {
  if (violations.length === 0) return `${screen}: no violations`;
  const lines = [`${screen}: ${violations.length} rule(s) violated`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.rule} ×${v.count} — ${v.help}`);
    for (const example of v.examples)
      lines.push(`      ${example.target}\n        ${example.summary}`);
  }
  return lines.join('\n');
}
