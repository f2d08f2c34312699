import type { Activity, Contract, Ticket } from '@shared/domain';
import type { HealthActivity, HealthContract, HealthFacts, HealthTicket } from '@shared/rules';
import type { Repositories } from '../repositories';

/**
 * The health facts (tickets, recent activities, contracts) of every account in the replica, grouped by account, for
 * scoring many accounts at once (the accounts list's churn-risk filter, issue 21): three index range reads for the
 * whole replica instead of three per account, then kept current from each collection's change events, so scoring
 * again reads nothing. Deleted records are left out (the health rule skips them). Only the fields the rule reads are
 * kept.
 */

type FactsRepos = Pick<Repositories, 'tickets' | 'activities' | 'contracts'>;
const MAX_TIME = 8_640_000_000_000;

type Slim<T> = T & { id: string; accountId: string };

/** One collection's records by account, with where each record is (a change may move it to another account). */
class Grouped<T> {
  private readonly byAccount = new Map<string, Map<string, Slim<T>>>();
  private readonly accountOf = new Map<string, string>();

  put(id: string, record: Slim<T> | null): void {
    const before = this.accountOf.get(id);
    if (before !== undefined) {
      const group = this.byAccount.get(before);
      group?.delete(id);
      if (group?.size === 0) this.byAccount.delete(before);
      this.accountOf.delete(id);
    }
    if (!record || !record.accountId) return;
    let group = this.byAccount.get(record.accountId);
    if (!group) this.byAccount.set(record.accountId, (group = new Map<string, Slim<T>>()));
    group.set(id, record);
    this.accountOf.set(id, record.accountId);
  }

  of(accountId: string): Slim<T>[] {
    const group = this.byAccount.get(accountId);
    return group ? [...group.values()] : [];
  }
}

const slimTicket = (t: Ticket): Slim<HealthTicket> | null =>
  t.deleted
    ? null
    : {
        id: t.id,
        accountId: t.accountId,
        status: t.status,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        resolvedAt: t.resolvedAt,
        csat: t.csat,
        csatAt: t.csatAt,
        slaBreachedAt: t.slaBreachedAt,
        deleted: false,
      };

const slimActivity = (a: Activity): Slim<HealthActivity> | null =>
  a.deleted
    ? null
    : {
        id: a.id,
        accountId: a.accountId,
        type: a.type,
        occurredAt: a.occurredAt,
        done: a.done,
        doneAt: a.doneAt,
        npsScore: a.npsScore,
        deleted: false,
      };

const slimContract = (c: Contract): Slim<HealthContract> | null =>
  c.deleted
    ? null
    : {
        id: c.id,
        accountId: c.accountId,
        status: c.status,
        endDate: c.endDate,
        amount: c.amount,
        paymentPlan: c.paymentPlan,
        payments: c.payments,
        deleted: false,
      };

export class HealthFactsCache {
  private readonly tickets = new Grouped<HealthTicket>();
  private readonly activities = new Grouped<HealthActivity>();
  private readonly contracts = new Grouped<HealthContract>();
  /** Activities are held from this instant on (what the scores of `now` and later need). */
  private activitiesSince = Infinity;
  private loading: Promise<void> | null = null;
  private subscribed = false;
  /** Changes that came while ranges were being read: applied after them (they are at least as new). */
  private readonly buffered: (() => void)[] = [];
  private loadsRunning = 0;

  constructor(private readonly repos: FactsRepos) {}

  /**
   * Ready for scoring at instants whose activities start at `since` (`healthActivitySince`): loads once, and again
   * only when `since` is earlier than what is held (a clock set back, longer windows in the settings).
   */
  ready(since: number): Promise<void> {
    if (this.loading && since >= this.activitiesSince) return this.loading;
    this.activitiesSince = Math.min(since, this.activitiesSince);
    const load = this.load(this.activitiesSince).catch((error: unknown) => {
      // A failed read is not kept: the next call reads again.
      if (this.loading === load) this.loading = null;
      throw error;
    });
    this.loading = load;
    return load;
  }

  /** The facts of one account (its record comes from the caller), activities from `since` on. */
  factsOf(account: HealthFacts['account'] & { id: string }, since: number): HealthFacts {
    return {
      account,
      tickets: this.tickets.of(account.id),
      activities: this.activities.of(account.id).filter((a) => a.occurredAt >= since),
      contracts: this.contracts.of(account.id),
    };
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    const on =
      <T>(apply: (id: string, record: T | null) => void) =>
      ({ id, record }: { id: string; record: T | null }) => {
        if (this.loadsRunning > 0) this.buffered.push(() => apply(id, record));
        else apply(id, record);
      };
    const { repos } = this;
    // Until the replica closes (its change streams complete then).
    repos.tickets.changedRecords$().subscribe(on<Ticket>((id, t) => this.putTicket(id, t)));
    repos.activities.changedRecords$().subscribe(on<Activity>((id, a) => this.putActivity(id, a)));
    repos.contracts.changedRecords$().subscribe(on<Contract>((id, c) => this.putContract(id, c)));
  }

  private async load(since: number): Promise<void> {
    this.subscribe();
    this.loadsRunning++;
    try {
      const { repos } = this;
      const [tickets, activities, contracts] = await Promise.all([
        repos.tickets.readIndexRange(
          { index: ['deleted', 'updatedAt'], equal: [false] },
          { deleted: false },
        ),
        repos.activities.readIndexRange(
          {
            index: ['deleted', 'occurredAt'],
            equal: [false],
            range: { lower: since, upper: MAX_TIME },
          },
          { deleted: false, occurredAt: { $gte: since } },
        ),
        repos.contracts.readIndexRange(
          { index: ['deleted', 'updatedAt'], equal: [false] },
          { deleted: false },
        ),
      ]);
      for (const t of tickets) this.putTicket(t.id, t);
      for (const a of activities) this.putActivity(a.id, a);
      for (const c of contracts) this.putContract(c.id, c);
    } finally {
      this.loadsRunning--;
      if (this.loadsRunning === 0) for (const apply of this.buffered.splice(0)) apply();
    }
  }

  private putTicket(id: string, ticket: Ticket | null): void {
    this.tickets.put(id, ticket && slimTicket(ticket));
  }

  private putActivity(id: string, activity: Activity | null): void {
    const slim = activity && slimActivity(activity);
    // Activities older than the held window are not needed (nor were they read).
    this.activities.put(id, slim && slim.occurredAt >= this.activitiesSince ? slim : null);
  }

  private putContract(id: string, contract: Contract | null): void {
    this.contracts.put(id, contract && slimContract(contract));
  }
}

const caches = new WeakMap<object, HealthFactsCache>();

/** The replica's one health-facts cache (per set of repositories, i.e. per open workspace). */
export function healthFactsOf(repos: FactsRepos): HealthFactsCache {
  const key = repos.tickets;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new HealthFactsCache(repos)));
  return cache;
}
