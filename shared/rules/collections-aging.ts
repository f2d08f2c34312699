import type { Contract } from '../domain/entities';
import { overduePlanItems } from './contract-math';
import { COLLECTING_CONTRACT_STATUSES } from './follow-up';

/**
 * Collections aging (回款账龄, issue 20): what customers owe past the due date, for finance. Each overdue instalment
 * (contract-math.ts `overduePlanItems`: payments pay the oldest instalment first, so partial payments and payments
 * booked without a plan item reduce the oldest debt) falls in an age bucket by its days overdue, and the unpaid
 * amounts add up per owner and bucket. Sums are in integer fen.
 */
export const AGE_BUCKETS = ['d0to30', 'd31to60', 'd61to90', 'd90plus'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The contracts the report reads (drafts owe nothing yet, terminated contracts are closed: as reminders read). */
export type AgingContract = Pick<
  Contract,
  | 'id'
  | 'number'
  | 'title'
  | 'accountId'
  | 'ownerId'
  | 'status'
  | 'deleted'
  | 'amount'
  | 'paymentPlan'
  | 'payments'
>;

export interface OverdueInstalment {
  contractId: string;
  contractNumber: string;
  contractTitle: string;
  accountId: string;
  ownerId: string;
  planItemId: string;
  dueDate: string;
  /** Whole days since the due date: an instalment due yesterday is 1 day overdue. */
  daysOverdue: number;
  /** The unpaid part of the instalment, in yuan. */
  outstanding: number;
  bucket: AgeBucket;
}

export type BucketAmounts = Record<AgeBucket, number>;

export interface OwnerAging {
  ownerId: string;
  buckets: BucketAmounts;
  total: number;
}

export interface CollectionsAging {
  /** Most overdue first (then by due date, contract number). */
  instalments: OverdueInstalment[];
  /** One row per owner with something overdue, largest total first. */
  owners: OwnerAging[];
  totals: OwnerAging;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both 'YYYY-MM-DD'). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The bucket of an instalment `days` overdue: 0–30, 31–60, 61–90, more than 90 (each edge in the lower one). */
export function ageBucketOf(days: number): AgeBucket {
  if (days <= 30) return 'd0to30';
  if (days <= 60) return 'd31to60';
  if (days <= 90) return 'd61to90';
  return 'd90plus';
}

const toFen = (yuan: number) => Math.round(yuan * 100);

function emptyCents(): BucketAmounts {
  return { d0to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 };
}

function toYuan(ownerId: string, cents: BucketAmounts): OwnerAging {
  const buckets = emptyCents();
  let total = 0;
  for (const bucket of AGE_BUCKETS) {
    buckets[bucket] = cents[bucket] / 100;
    total += cents[bucket];
  }
  return { ownerId, buckets, total: total / 100 };
}

/**
 * The aging of `contracts` on `today` ('YYYY-MM-DD'): every overdue instalment of a live, collecting contract
 * (active or expired), the sums per owner and bucket, and the totals. `ownerId` given: that owner's contracts only.
 */
export function collectionsAging(
  contracts: readonly AgingContract[],
  today: string,
  ownerId?: string,
): CollectionsAging {
  const instalments: OverdueInstalment[] = [];
  for (const contract of contracts) {
    if (contract.deleted) continue;
    if (!(COLLECTING_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) continue;
    if (ownerId !== undefined && contract.ownerId !== ownerId) continue;
    for (const item of overduePlanItems(contract, today)) {
      const daysOverdue = daysBetween(item.dueDate, today);
      instalments.push({
        contractId: contract.id,
        contractNumber: contract.number,
        contractTitle: contract.title,
        accountId: contract.accountId,
        ownerId: contract.ownerId,
        planItemId: item.id,
        dueDate: item.dueDate,
        daysOverdue,
        outstanding: item.outstanding,
        bucket: ageBucketOf(daysOverdue),
      });
    }
  }
  instalments.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.contractNumber.localeCompare(b.contractNumber),
  );
  const byOwner = new Map<string, BucketAmounts>();
  const all = emptyCents();
  for (const instalment of instalments) {
    const cents = byOwner.get(instalment.ownerId) ?? emptyCents();
    cents[instalment.bucket] += toFen(instalment.outstanding);
    all[instalment.bucket] += toFen(instalment.outstanding);
    byOwner.set(instalment.ownerId, cents);
  }
  const owners = [...byOwner.entries()]
    .map(([owner, cents]) => toYuan(owner, cents))
    .sort((a, b) => b.total - a.total || a.ownerId.localeCompare(b.ownerId));
  return { instalments, owners, totals: toYuan('', all) };
}
