import {
  DEFAULT_LEAD_SCORING,
  leadScoringValueSchema,
  type Activity,
  type Lead,
  type LeadScoringValue,
  type Setting,
} from '@shared/domain';
import {
  lastActivityTargets,
  leadScoreChanges,
  recentContactCount,
  type ScoredLeadFacts,
} from '@shared/rules';
import type { CrmDatabase } from '../database';

/**
 * Lead scoring in the replica (issue 19, shared/rules/lead-scoring.ts): the lead repository scores a lead on every
 * write, the activity repository after an activity on it changed, so the score follows offline too.
 */

/** The collections a replica may lack (a test laptop syncing two collections): then the server scores. */
type PartialReplica = Partial<Pick<CrmDatabase, 'settings' | 'activities' | 'leads'>>;

/**
 * The workspace's scoring rules (the newest record), the defaults until someone saves their own; null for a
 * replica without settings, which leaves scoring to the server (sync/server/records/lead-scoring.ts).
 */
export async function leadScoringRules(db: CrmDatabase): Promise<LeadScoringValue | null> {
  if (!(db as PartialReplica).settings) return null;
  const docs = await db.settings.find({ selector: { kind: 'leadScoring', deleted: false } }).exec();
  const newest = docs
    .map((doc) => doc.toJSON() as Setting)
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];
  const parsed = newest ? leadScoringValueSchema.safeParse(newest.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_LEAD_SCORING;
}

/** Customer contacts on a lead in the rules' engagement window, read by the `relatedId` index. */
export async function recentContactsOf(
  db: CrmDatabase,
  leadId: string,
  rules: LeadScoringValue,
  now: number,
): Promise<number> {
  if (!(db as PartialReplica).activities) return 0;
  const docs = await db.activities.find({ selector: { relatedId: leadId } }).exec();
  const activities = docs
    .map((doc) => doc.toJSON() as Activity)
    .filter((a) => a.relatedType === 'lead');
  return recentContactCount(activities, rules.engagement.days, now);
}

/** The score and qualification `lead` should carry now; null when scoring is off or they already hold. */
export async function scoreChangesFor(
  db: CrmDatabase,
  lead: ScoredLeadFacts & Pick<Lead, 'id' | 'score' | 'qualification'>,
  now: number,
): Promise<Pick<Lead, 'score' | 'qualification'> | null> {
  const rules = await leadScoringRules(db);
  if (!rules?.enabled) return null;
  const recentActivities = lead.id ? await recentContactsOf(db, lead.id, rules, now) : 0;
  return leadScoreChanges(lead, rules, { recentActivities });
}

/**
 * Scores again the leads these activity changes are on. Like `lastActivityAt`, only the two fields are written,
 * without touching `updatedAt`: logging a call is not an edit of the lead. Leads not in the replica are left alone.
 */
export async function rescoreLeadsOf(
  db: CrmDatabase,
  changes: readonly { before: Activity | null; after: Activity | null }[],
  now: number,
): Promise<void> {
  if (!(db as PartialReplica).leads) return;
  const ids = new Set<string>();
  for (const { before, after } of changes)
    for (const activity of [before, after])
      if (activity)
        for (const target of lastActivityTargets(activity))
          if (target.collection === 'leads') ids.add(target.id);
  for (const id of ids) {
    const doc = await db.leads.findOne(id).exec();
    if (!doc) continue;
    const changed = await scoreChangesFor(db, doc.toJSON(), now);
    if (changed) await doc.incrementalModify((data) => ({ ...data, ...changed }));
  }
}

/**
 * Scores every lead of the replica again after the rules changed (an admin saved the scoring card), page by page
 * with a yield between pages; only leads whose score or qualification changes are written (`updatedAt` kept).
 * Returns how many changed. Converted and disqualified leads are scored too: their qualification is history.
 */
export async function rescoreAllLeads(
  db: CrmDatabase,
  now: number,
  pageSize = 200,
): Promise<number> {
  const rules = await leadScoringRules(db);
  if (!rules?.enabled) return 0;
  let changed = 0;
  for (let skip = 0; ; skip += pageSize) {
    const docs = await db.leads
      .find({ selector: { deleted: false }, sort: [{ id: 'asc' }], skip, limit: pageSize })
      .exec();
    for (const doc of docs) {
      const lead = doc.toJSON() as Lead;
      const recentActivities = await recentContactsOf(db, lead.id, rules, now);
      const changes = leadScoreChanges(lead, rules, { recentActivities });
      if (!changes) continue;
      await doc.incrementalModify((data) => ({ ...data, ...changes }));
      changed++;
    }
    if (docs.length < pageSize) return changed;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
