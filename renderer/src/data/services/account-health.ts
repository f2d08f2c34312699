import type { Account, Contract, Deal, HealthScoringValue } from '@shared/domain';
import {
  accountHealth,
  contractsUpForRenewal,
  healthActivitySince,
  localDay,
  renewalDealDraft,
  renewalDealId,
  renewalRange,
  type AccountHealth,
} from '@shared/rules';
import type { AccountCursor, AccountFilter, AccountSort, Repositories } from '../repositories';
import { BusinessRuleError } from '../errors';
import { healthFactsOf } from './health-facts';

/**
 * Account health and renewals in the replica (issue 21): reads each account's tickets, recent activities and
 * contracts by the accountId indexes — one batched index read per collection for many accounts — and lets the
 * shared rule score (shared/rules/account-health.ts). Nothing is stored: the score follows the records.
 */

type HealthRepos = Pick<Repositories, 'tickets' | 'activities' | 'contracts' | 'settings'>;

/** The local time zone's offset on `now` (instalments fall due on local days). */
export const localOffsetMinutes = (now: number): number => -new Date(now).getTimezoneOffset();

/** The health of each of `accounts` on `now` under `rules`, by account id. */
export async function healthOfAccounts(
  repos: HealthRepos,
  accounts: readonly Pick<Account, 'id' | 'lastActivityAt'>[],
  rules: HealthScoringValue,
  now: number,
): Promise<Map<string, AccountHealth>> {
  const out = new Map<string, AccountHealth>();
  if (accounts.length === 0) return out;
  const since = healthActivitySince(now, rules);
  const byAccount = (index: string[], id: string, lower: number) => ({
    scan: { index, equal: [id], range: { lower, upper: Number.MAX_SAFE_INTEGER } },
    selector: { accountId: id },
  });
  const [tickets, activities, contracts] = await Promise.all([
    repos.tickets.readIndexRanges(
      accounts.map((a) => byAccount(['accountId', 'updatedAt'], a.id, 0)),
    ),
    repos.activities.readIndexRanges(
      accounts.map((a) => ({
        ...byAccount(['accountId', 'occurredAt'], a.id, since),
        selector: { accountId: a.id, occurredAt: { $gte: since } },
      })),
    ),
    repos.contracts.readIndexRanges(
      accounts.map((a) => byAccount(['accountId', 'updatedAt'], a.id, 0)),
    ),
  ]);
  const clock = { now, utcOffsetMinutes: localOffsetMinutes(now) };
  accounts.forEach((account, i) => {
    out.set(
      account.id,
      accountHealth(
        { account, tickets: tickets[i], activities: activities[i], contracts: contracts[i] },
        rules,
        clock,
      ),
    );
  });
  return out;
}

/** One account's health (the account page's Health card). */
export async function healthOfAccount(
  repos: HealthRepos,
  account: Pick<Account, 'id' | 'lastActivityAt'>,
  now: number,
): Promise<AccountHealth> {
  const rules = await repos.settings.healthScoring();
  const health = (await healthOfAccounts(repos, [account], rules, now)).get(account.id);
  if (!health) throw new Error(`no health for accounts/${account.id}`);
  return health;
}

/** Accounts read per step of the churn-risk filter's walk over the list. */
const CHURN_BATCH = 500;

/**
 * The accounts matching `filter` that are a churn risk now, lowest score first, with every scored account's
 * health: the list's own pages (indexes, search) walked to the end, each account scored from the replica's health
 * facts (health-facts.ts: read once for all accounts, then kept current by the change events), so no read per
 * account and nothing read again when the filter is switched on again.
 */
export async function churnRiskAccounts(
  repos: HealthRepos & Pick<Repositories, 'accounts'>,
  filter: AccountFilter,
  sort: AccountSort,
  now: number,
): Promise<{ accounts: Account[]; health: Map<string, AccountHealth> }> {
  const rules = await repos.settings.healthScoring();
  const since = healthActivitySince(now, rules);
  const facts = healthFactsOf(repos);
  await facts.ready(since);
  const clock = { now, utcOffsetMinutes: localOffsetMinutes(now) };
  const atRisk: Account[] = [];
  const health = new Map<string, AccountHealth>();
  let cursor: AccountCursor | null = null;
  do {
    const page = await repos.accounts.listPageAfter(filter, sort, CHURN_BATCH, cursor);
    for (const account of page.rows) {
      const h = accountHealth(facts.factsOf(account, since), rules, clock);
      if (!h.churnRisk) continue;
      health.set(account.id, h);
      atRisk.push(account);
    }
    cursor = page.next;
  } while (cursor);
  atRisk.sort((a, b) => (health.get(a.id)?.score ?? 0) - (health.get(b.id)?.score ?? 0));
  return { accounts: atRisk, health };
}

/** A row of the renewals view: the contract, its account, its health, and its renewal deal once created. */
export interface RenewalRow {
  contract: Contract;
  account: Account | null;
  health: AccountHealth | null;
  renewalDeal: Deal | null;
}

/** Active contracts ending in the next `days` days (through [deleted, status, endDate]), soonest first. */
export async function loadRenewals(
  repos: Pick<
    Repositories,
    'accounts' | 'contracts' | 'deals' | 'tickets' | 'activities' | 'settings'
  >,
  days: number,
  now: number,
): Promise<RenewalRow[]> {
  const today = localDay(now, localOffsetMinutes(now));
  const { from, to } = renewalRange(today, days);
  const contracts = contractsUpForRenewal(
    await repos.contracts.endingBetween(from, to),
    today,
    days,
  );
  const [accounts, deals, rules] = await Promise.all([
    repos.accounts.getMany([...new Set(contracts.map((c) => c.accountId))]),
    repos.deals.getMany(contracts.map((c) => renewalDealId(c.id, c.endDate))),
    repos.settings.healthScoring(),
  ]);
  const health = await healthOfAccounts(
    repos,
    [...accounts.values()].filter((a) => !a.deleted),
    rules,
    now,
  );
  return contracts.map((contract) => {
    const deal = deals.get(renewalDealId(contract.id, contract.endDate));
    return {
      contract,
      account: accounts.get(contract.accountId) ?? null,
      health: health.get(contract.accountId) ?? null,
      renewalDeal: deal && !deal.deleted ? deal : null,
    };
  });
}

/**
 * Creates the renewal deal of `contract` (shared/rules/renewals.ts `renewalDealDraft`), or returns it when it
 * exists already — its id comes from the contract and term, so a second click or a colleague's laptop never makes
 * a second one; a deleted one comes back. `name` is "续约: <title>" in the creator's language.
 */
export async function createRenewalDeal(
  repos: Pick<Repositories, 'deals' | 'settings'>,
  contract: Contract,
  name: string,
): Promise<Deal> {
  const draft = renewalDealDraft(contract, await repos.settings.pipelines(), name);
  if (!draft) throw new BusinessRuleError('renewals.errors.noPipeline');
  const existing = await repos.deals.get(draft.id);
  if (existing && !existing.deleted) return existing;
  if (existing) {
    await repos.deals.restore(draft.id);
    return existing;
  }
  const pipeline = await repos.settings.pipeline(draft.pipelineId);
  return repos.deals.createInStage(
    {
      ...draft,
      contactId: '',
      currency: 'CNY',
      lineItems: [],
      source: '',
      campaign: '',
      budget: '',
      decisionMakerId: '',
      competitor: '',
      lostReason: '',
      notes: '',
    },
    pipeline,
  );
}
