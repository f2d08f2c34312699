import {
  DEFAULT_LEAD_SCORING,
  leadScoringValueSchema,
  type Activity,
  type CollectionName,
  type Lead,
  type LeadScoringValue,
} from '@shared/domain';
import { leadScoreChanges, recentContactCount } from '@shared/rules/lead-scoring';
import type { SqlTx } from '../db/sql';
import type { Entity } from './types';

/**
 * Lead scoring on the server (issue 19): a pushed lead is scored by the shared rule (shared/rules/lead-scoring.ts)
 * as the app scores it, so leads that no laptop scored — posted to the capture API, written over REST, pushed by
 * an old client — carry their score and MQL/SQL qualification too. Activities logged later rescore on the laptops
 * (the activity repository); here only the leads a push writes are scored.
 */
export interface LeadScoringContext {
  rules: LeadScoringValue;
  /** Customer contacts per lead id within the rules' engagement window, as of the push. */
  recentContacts: ReadonlyMap<string, number>;
}

/** The workspace's scoring rules (its newest `leadScoring` setting), the defaults when it has none. */
async function loadRules(tx: SqlTx, workspaceId: string): Promise<LeadScoringValue> {
  const [row] = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'leadScoring' AND deleted = false ORDER BY seq DESC LIMIT 1`,
    [workspaceId],
  );
  const parsed = leadScoringValueSchema.safeParse(row?.data.value);
  return parsed.success ? parsed.data : DEFAULT_LEAD_SCORING;
}

/**
 * What scoring a push group of `collection` needs: null for other collections or when scoring is off; else the
 * rules and each pushed lead's recent contacts, read through the `relatedId` expression index (migration 8).
 */
export async function loadLeadScoring(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  leadIds: readonly string[],
  now: number,
): Promise<LeadScoringContext | null> {
  if (collection !== 'leads') return null;
  const rules = await loadRules(tx, workspaceId);
  if (!rules.enabled) return null;
  const rows = await tx.query<{ data: Activity }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'activities' AND NOT deleted AND data->>'relatedId' = ANY($2::text[])`,
    [workspaceId, [...leadIds]],
  );
  const byLead = new Map<string, Activity[]>();
  for (const { data } of rows) {
    if (data.relatedType !== 'lead') continue;
    const list = byLead.get(data.relatedId);
    if (list) list.push(data);
    else byLead.set(data.relatedId, [data]);
  }
  const recentContacts = new Map<string, number>();
  for (const [id, activities] of byLead)
    recentContacts.set(id, recentContactCount(activities, rules.engagement.days, now));
  return { rules, recentContacts };
}

/** A pushed lead with the score and qualification the rules give it (unchanged without scoring). */
export function withLeadScore(
  collection: CollectionName,
  entity: Entity,
  scoring: LeadScoringContext | null | undefined,
): Entity {
  if (collection !== 'leads' || !scoring) return entity;
  const lead = entity as unknown as Lead;
  const changes = leadScoreChanges(lead, scoring.rules, {
    recentActivities: scoring.recentContacts.get(lead.id) ?? 0,
  });
  return changes ? { ...entity, ...changes } : entity;
}
