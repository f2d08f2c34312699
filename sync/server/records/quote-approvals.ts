import {
  approvalSchema,
  quoteSchema,
  type Approval,
  type ApprovalRulesValue,
  type CollectionName,
  type Quote,
} from '@shared/domain';
import { isQuoteFrozen, quoteChangeRefusal } from '@shared/rules/quote-math';
import { RejectReason, type Principal } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import { loadApprovalRules } from './approval-rules';
import type { Entity, PushRow } from './types';
import type { WriteRefusal } from './write-permissions';

/** What the quote check needs for a push group: the workspace's approval rules and the deals' discount approvals. */
export interface QuoteContext {
  rules: ApprovalRulesValue;
  /** Discount approvals by deal id. */
  approvals: ReadonlyMap<string, readonly Approval[]>;
}

function quotesOf(entity: Entity | null): Quote[] {
  const raw = entity?.quotes;
  if (!Array.isArray(raw)) return [];
  // Stored and validated rows parse; anything else is treated as no quote (validation refuses it first).
  return raw.flatMap((q) => {
    const parsed = quoteSchema.safeParse(q);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Loads the quote check's context for a push of deals carrying a frozen (sent, accepted, rejected) quote version,
 * else null (nothing to check: a draft is never refused here). One query for the approval rules (the latest
 * `approvalRules` record, else the defaults) and one for the pushed deals' discount approvals.
 */
export async function loadQuoteContext(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<QuoteContext | null> {
  if (collection !== 'deals') return null;
  const dealIds = [
    ...new Set(
      rows
        .filter((r) => quotesOf(r.newDocumentState as unknown as Entity).some(isQuoteFrozen))
        .map((r) => r.newDocumentState.id),
    ),
  ].filter(isStorableText);
  if (dealIds.length === 0) return null;
  const rules = await loadApprovalRules(tx, workspaceId);
  const approvalRows = await tx.query<{ data: unknown }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'approvals' AND deleted = false AND data->>'kind' = 'discount' AND data->>'subjectId' = ANY($2::text[])`,
    [workspaceId, dealIds],
  );
  const approvals = new Map<string, Approval[]>();
  for (const row of approvalRows) {
    const parsed = approvalSchema.safeParse(row.data);
    if (!parsed.success) continue;
    const list = approvals.get(parsed.data.subjectId) ?? [];
    list.push(parsed.data);
    approvals.set(parsed.data.subjectId, list);
  }
  return { rules, approvals };
}

/**
 * The quote rules for a pushed deal, decided by the shared rule (shared/rules/quote-math.ts quoteChangeRefusal)
 * exactly as the app decides them: a sent version is frozen, and a version newly marked sent whose discount is
 * above the sender's role threshold needs an approved discount approval (`subjectKey` = the quote) for its total.
 */
export function quoteRefusal(
  context: QuoteContext | null,
  principal: Principal,
  collection: CollectionName,
  before: Entity | null,
  after: Entity,
): WriteRefusal | null {
  if (!context || collection !== 'deals') return null;
  const refusal = quoteChangeRefusal(
    quotesOf(before),
    quotesOf(after),
    after.id,
    principal.role,
    context.rules,
    () => context.approvals.get(after.id) ?? [],
  );
  if (!refusal) return null;
  if (refusal.reason === 'quoteFrozen')
    return { reason: RejectReason.quoteFrozen, params: { version: String(refusal.version) } };
  return {
    reason: RejectReason.quoteNeedsApproval,
    params: {
      version: String(refusal.version),
      discount: String(refusal.discountPercent),
      threshold: String(refusal.thresholdPercent),
    },
  };
}
