import {
  SCORED_LEAD_FIELDS,
  sectionOf,
  type Activity,
  type Lead,
  type LeadScoringValue,
  type ScoredLeadField,
} from '../domain';
import { customerContactAt } from './last-activity';

/**
 * Lead scoring (线索评分, issue 19): a score 0–100 from the lead's source, how complete it is, how engaged it is
 * (customer contact in the last N days) and its industry, and its qualification from the MQL/SQL thresholds.
 * The app's lead and activity repositories and the server's write path call the same `scoreLead`, so a lead
 * scores the same offline, on a colleague's laptop and when it arrives through the capture API.
 */

/** One reason a lead earned points: shown next to the score so a rep sees why. */
export type ScorePart =
  | { kind: 'source'; source: Lead['source']; points: number }
  | { kind: 'completeness'; field: ScoredLeadField; points: number }
  | { kind: 'engagement'; activities: number; days: number; points: number }
  | { kind: 'industry'; section: string; points: number }
  | { kind: 'size'; sizeBand: Exclude<Lead['sizeBand'], ''>; points: number };

export interface LeadScore {
  /** 0–100: the sum of the parts, capped at 100. */
  score: number;
  qualification: Lead['qualification'];
  /** Only parts that gave points, in the order the rules list them. */
  parts: ScorePart[];
}

/** `sizeBand` may be missing on a lead from before it existed: no size points then. */
export type ScoredLeadFacts = Pick<Lead, 'source' | 'industry' | ScoredLeadField> &
  Partial<Pick<Lead, 'sizeBand'>>;

/** The activities `scoreLead` reads: those logged on the lead (any: it keeps the ones that count itself). */
export type ScoringActivity = Pick<
  Activity,
  'type' | 'relatedType' | 'relatedId' | 'accountId' | 'occurredAt' | 'done' | 'doneAt' | 'deleted'
>;

const DAY_MS = 86_400_000;

/**
 * How many of `activities` are customer contact (a call, visit, done task…; never a comment: last-activity.ts
 * `customerContactAt`) within the `days` days up to `now` (inclusive of both ends).
 */
export function recentContactCount(
  activities: readonly ScoringActivity[],
  days: number,
  now: number,
): number {
  const since = now - days * DAY_MS;
  let count = 0;
  for (const activity of activities) {
    const at = customerContactAt(activity);
    if (at > 0 && at >= since && at <= now) count++;
  }
  return count;
}

/** The qualification a score reaches: 'sql' from the SQL threshold up, 'mql' from the MQL one, '' below. */
export function qualificationOf(
  score: number,
  rules: Pick<LeadScoringValue, 'mqlThreshold' | 'sqlThreshold'>,
): Lead['qualification'] {
  if (score >= rules.sqlThreshold) return 'sql';
  if (score >= rules.mqlThreshold) return 'mql';
  return '';
}

/**
 * The score of `lead` under `rules`, with the parts that make it up. `recentActivities` is the number of customer
 * contacts on the lead in the rules' engagement window (`recentContactCount`), counted by the caller, who reads
 * the lead's activities by index.
 */
export function scoreLead(
  lead: ScoredLeadFacts,
  rules: LeadScoringValue,
  context: { recentActivities: number },
): LeadScore {
  const parts: ScorePart[] = [];
  const sourcePoints = rules.sourcePoints[lead.source] ?? 0;
  if (sourcePoints > 0) parts.push({ kind: 'source', source: lead.source, points: sourcePoints });
  for (const field of SCORED_LEAD_FIELDS) {
    const points = rules.completenessPoints[field];
    if (points > 0 && lead[field].trim() !== '')
      parts.push({ kind: 'completeness', field, points });
  }
  const { days, pointsPerActivity, maxPoints } = rules.engagement;
  const activities = Math.max(0, Math.floor(context.recentActivities));
  const engagement = Math.min(maxPoints, activities * pointsPerActivity);
  if (engagement > 0) parts.push({ kind: 'engagement', activities, days, points: engagement });
  const section = lead.industry ? sectionOf(lead.industry) : '';
  const industryPoints = section ? (rules.industryPoints[section] ?? 0) : 0;
  if (industryPoints > 0) parts.push({ kind: 'industry', section, points: industryPoints });
  const sizeBand = lead.sizeBand ?? '';
  const sizePoints = sizeBand ? (rules.sizePoints[sizeBand] ?? 0) : 0;
  if (sizeBand && sizePoints > 0) parts.push({ kind: 'size', sizeBand, points: sizePoints });
  const score = Math.min(
    100,
    parts.reduce((sum, part) => sum + part.points, 0),
  );
  return { score, qualification: qualificationOf(score, rules), parts };
}

/**
 * The fields scoring writes on a lead: its score and qualification when the rules are enabled; null when they are
 * off (the score stays as typed, the qualification as it was) or when nothing changes.
 */
export function leadScoreChanges(
  lead: ScoredLeadFacts & Pick<Lead, 'score' | 'qualification'>,
  rules: LeadScoringValue,
  context: { recentActivities: number },
): Pick<Lead, 'score' | 'qualification'> | null {
  if (!rules.enabled) return null;
  const { score, qualification } = scoreLead(lead, rules, context);
  return score === lead.score && qualification === lead.qualification
    ? null
    : { score, qualification };
}
