import type { Account, Contract, Ticket } from '@shared/domain';
import {
  buildTeamDirectory,
  effectiveSlaPolicies,
  HOUR_MS,
  isHighValueAccount,
  pickSlaPolicy,
  slaInboxItems,
  slaStatus,
  type InboxItem,
} from '@shared/rules';
import type { Subscription } from 'rxjs';
import type { Repositories } from '../../repositories';
import { calendarOf } from '../../repositories/sla-settings';
import type { InboxSource } from './inbox-source';

/** A timer never waits longer than this; and at least a second between two recomputations by the clock. */
const MAX_TIMER_MS = 6 * HOUR_MS;
const MIN_TIMER_MS = 1000;

/**
 * SLA warnings, breaches and escalations (issue 21; shared/rules/sla.ts `slaInboxItems`), computed from the
 * replica like the follow-up items: the open tickets assigned to the viewer (warning, breach) and to the people
 * whose escalations reach the viewer (team-managers.ts: the breach, and at once an urgent ticket of a high-value
 * account). Recomputed when tickets, accounts, contracts, members or settings change, and by one timer at the
 * next instant a clock crosses a threshold.
 */
export class SlaSource implements InboxSource {
  readonly name = 'sla';

  constructor(private readonly repos: Repositories) {}

  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let generation = 0;
    let scheduled = false;

    const compute = async () => {
      const mine = ++generation;
      const { repos } = this;
      const [users, teams, calendarValue, stored] = await Promise.all([
        repos.members.users(),
        repos.members.teams(),
        repos.settings.workingCalendar(),
        repos.settings.slaPolicies(),
      ]);
      const team = buildTeamDirectory([...users, ...teams]);
      const owners = [viewerId, ...team.escalatingOwnersTo(viewerId)];
      const tickets: Ticket[] = await repos.tickets.openAssignedTo([...new Set(owners)]);
      const accountIds = [...new Set(tickets.map((t) => t.accountId).filter(Boolean))];
      const accounts: Map<string, Account> = await repos.accounts.getMany(accountIds);
      const contracts = new Map<string, Contract[]>();
      await Promise.all(
        accountIds.map(async (id) => contracts.set(id, await repos.contracts.byAccount(id))),
      );
      if (stopped || mine !== generation) return;
      const calendar = calendarOf(calendarValue);
      const policies = effectiveSlaPolicies(stored);
      const at = now();
      const items: InboxItem[] = [];
      let nextAt = Infinity;
      for (const ticket of tickets) {
        const account = accounts.get(ticket.accountId) ?? null;
        const policy = pickSlaPolicy(policies, account?.tier ?? '');
        if (!policy) continue;
        const status = slaStatus(ticket, policy, calendar, at);
        const highValue = isHighValueAccount(
          account,
          contracts.get(ticket.accountId) ?? [],
          at,
          calendar.utcOffsetMinutes,
        );
        const outcome = slaInboxItems(ticket, status, { now: at, team, highValue });
        for (const item of outcome.items) if (item.recipientId === viewerId) items.push(item);
        nextAt = Math.min(nextAt, outcome.nextAt);
      }
      onItems(items);
      if (timer !== undefined) clearTimeout(timer);
      if (nextAt < Infinity) {
        // At least a second apart: a clock that stands still (a paused page clock) must not spin.
        const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, nextAt - at));
        timer = setTimeout(schedule, delay);
      }
    };

    // One recomputation for a burst of changes (a sync batch), after the writer's task.
    function schedule() {
      if (stopped || scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        if (!stopped) void compute();
      }, 0);
    }

    const subscriptions: Subscription[] = (
      ['tickets', 'accounts', 'contracts', 'members', 'settings'] as const
    ).map((collection) => this.repos[collection].changes$().subscribe(schedule));
    schedule();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const s of subscriptions) s.unsubscribe();
    };
  }
}
