import type { MangoQuerySelector } from 'rxdb';
import type { Observable, Subscription } from 'rxjs';
import type { CollectionName, EntityByCollection, FollowUpRulesValue } from '@shared/domain';
import {
  addDays,
  addWorkingMs,
  anniversaryItems,
  birthdayItems,
  buildTeamDirectory,
  dealFollowUps,
  DAY_MS,
  HOUR_MS,
  idleCalendar,
  idleCutoff,
  LEAD_FOLLOW_UP_STATUSES,
  leadFollowUps,
  localDay,
  monthDayRanges,
  paymentFollowUps,
  renewalItems,
  shortestDealRemindDays,
  startOfLocalDay,
  taskFollowUps,
  weekdayCalendar,
  type FollowUpContext,
  type InboxItem,
  type RuleOutcome,
  type TeamDirectory,
  type WorkingCalendar,
} from '@shared/rules';
import type { Repositories } from '../../repositories';
import type { InboxSource } from './inbox-source';

/** The collections whose records raise follow-ups and key dates. */
const WATCHED = ['leads', 'deals', 'activities', 'contracts', 'contacts', 'accounts'] as const;
type Watched = (typeof WATCHED)[number];
type AnyRecord = EntityByCollection[Watched];

/** A timer never waits longer than this (a browser clamps longer delays; a sleeping laptop wakes late). */
const MAX_TIMER_MS = 6 * HOUR_MS;
/** The shortest wait between two recomputations by the clock. */
const MIN_TIMER_MS = 1000;
/** The largest timestamp a record holds (timestampSchema). */
const MAX_TIME = 8_640_000_000_000;
/** Records a first computation applies between two yields to the page (keeps each task well under a frame budget). */
const APPLY_SLICE = 250;

export interface FollowUpSourceOptions {
  repos: Repositories;
  /** The working calendar at a UTC offset; Monday–Friday by default (the holiday calendar plugs in here). */
  calendarFor?: (utcOffsetMinutes: number) => WorkingCalendar;
  /** Called after each computation with how long it took (ms) and what it was: the B12 benchmark reads it. */
  onMeasure?: (what: 'first' | 'change' | 'clock', ms: number) => void;
  /** Called after each indexed read of a computation (the B12 benchmark reports the slowest). */
  onRead?: (read: { collection: string; index: string; rows: number; ms: number }) => void;
}

/** Fields the rules read that older replicas may still lack (0 / '' until the record is written again). */
function num(record: object, field: string): number {
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : 0;
}
function str(record: object, field: string): string {
  const value = (record as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

function outcomeOf(collection: Watched, record: AnyRecord, ctx: FollowUpContext): RuleOutcome[] {
  switch (collection) {
    case 'leads': {
      const lead = record as EntityByCollection['leads'];
      return [leadFollowUps({ ...lead, lastActivityAt: num(lead, 'lastActivityAt') }, ctx)];
    }
    case 'deals': {
      const deal = record as EntityByCollection['deals'];
      return [dealFollowUps({ ...deal, lastActivityAt: num(deal, 'lastActivityAt') }, ctx)];
    }
    case 'activities':
      return [taskFollowUps(record as EntityByCollection['activities'], ctx)];
    case 'contracts': {
      const contract = record as EntityByCollection['contracts'];
      return [
        paymentFollowUps(
          { ...contract, collectionDueDate: str(contract, 'collectionDueDate') },
          ctx,
        ),
        renewalItems(contract, ctx),
      ];
    }
    case 'contacts':
      return [birthdayItems(record as EntityByCollection['contacts'], ctx)];
    case 'accounts': {
      const account = record as EntityByCollection['accounts'];
      return [anniversaryItems({ ...account, customerSince: str(account, 'customerSince') }, ctx)];
    }
  }
}

interface RangeReader {
  readIndexRanges(
    reads: readonly {
      scan: Pick<RangeRead, 'index' | 'equal' | 'range'>;
      selector: MangoQuerySelector<AnyRecord>;
      limit?: number;
    }[],
  ): Promise<AnyRecord[][]>;
}

/** One indexed read: the records of a collection that may raise an item for the viewer now. */
interface RangeRead {
  collection: Watched;
  index: string[];
  equal: (string | number | boolean)[];
  range: { lower: string | number; upper: string | number };
  selector: MangoQuerySelector<AnyRecord>;
  /** Records the index range cannot exclude (another owner's birthday). */
  keep?: (record: AnyRecord) => boolean;
  /**
   * Idle rules: the records above the cutoff fall due later; the first of them (by `lastActivityAt`) bounds when
   * the next one can: `thresholdMs` of idle time after its last activity.
   */
  upcoming?: {
    range: { lower: number; upper: number };
    selector: MangoQuerySelector<AnyRecord>;
    thresholdMs: number;
  };
}

/**
 * The reads of a first computation, all by index (never a whole collection): the viewer's own records for
 * reminders and key dates, and for escalations the records of the owners whose managers include the viewer
 * (team-managers.ts), each bounded by the rule's cutoff (idle since before it, due before today).
 */
export function followUpReads(
  viewerId: string,
  escalatingOwners: readonly string[],
  rules: FollowUpRulesValue,
  ctx: Pick<FollowUpContext, 'now' | 'rules' | 'calendar'>,
): RangeRead[] {
  const reads: RangeRead[] = [];
  const offset = ctx.calendar.utcOffsetMinutes;
  const today = localDay(ctx.now, offset);
  const yesterday = addDays(today, -1);
  const owners = [viewerId, ...escalatingOwners.filter((id) => id !== viewerId)];
  for (const ownerId of owners) {
    const own = ownerId === viewerId;
    if (rules.leadNoActivity.enabled) {
      const hours =
        rules.leadNoActivity.remindAfterHours + (own ? 0 : rules.leadNoActivity.escalateAfterHours);
      const cutoff = idleCutoff(ctx, hours * HOUR_MS);
      for (const status of LEAD_FOLLOW_UP_STATUSES)
        reads.push({
          collection: 'leads',
          index: ['deleted', 'ownerId', 'status', 'lastActivityAt'],
          equal: [false, ownerId, status],
          range: { lower: 0, upper: cutoff },
          selector: { deleted: false, ownerId, status, lastActivityAt: { $lte: cutoff } },
          upcoming: {
            range: { lower: Math.floor(cutoff) + 1, upper: MAX_TIME },
            selector: { deleted: false, ownerId, status, lastActivityAt: { $gt: cutoff } },
            thresholdMs: hours * HOUR_MS,
          },
        });
    }
    if (rules.dealNoActivity.enabled) {
      const stages = [rules.dealNoActivity, ...rules.dealNoActivity.stages];
      const days = own
        ? shortestDealRemindDays(rules)
        : Math.min(...stages.map((s) => s.remindAfterDays + s.escalateAfterDays));
      const cutoff = idleCutoff(ctx, days * DAY_MS);
      reads.push({
        collection: 'deals',
        index: ['deleted', 'ownerId', 'status', 'lastActivityAt'],
        equal: [false, ownerId, 'open'],
        range: { lower: 0, upper: cutoff },
        selector: { deleted: false, ownerId, status: 'open', lastActivityAt: { $lte: cutoff } },
        upcoming: {
          range: { lower: Math.floor(cutoff) + 1, upper: MAX_TIME },
          selector: { deleted: false, ownerId, status: 'open', lastActivityAt: { $gt: cutoff } },
          thresholdMs: days * DAY_MS,
        },
      });
    }
    if (rules.paymentOverdue.enabled) {
      const upper = own ? yesterday : addDays(today, -1 - rules.paymentOverdue.escalateAfterDays);
      reads.push({
        collection: 'contracts',
        index: ['deleted', 'ownerId', 'collectionDueDate'],
        equal: [false, ownerId],
        range: { lower: '0', upper },
        selector: { deleted: false, ownerId, collectionDueDate: { $gt: '', $lte: upper } },
      });
    }
  }
  if (rules.taskOverdue.enabled)
    reads.push({
      collection: 'activities',
      index: ['deleted', 'ownerId', 'done', 'dueDate'],
      equal: [false, viewerId, false],
      range: { lower: '0', upper: yesterday },
      selector: {
        deleted: false,
        ownerId: viewerId,
        done: false,
        dueDate: { $gt: '', $lte: yesterday },
      },
    });
  if (rules.contractRenewal.enabled) {
    const upper = addDays(today, Math.max(...rules.contractRenewal.windowsDays));
    reads.push({
      collection: 'contracts',
      index: ['deleted', 'ownerId', 'status', 'endDate'],
      equal: [false, viewerId, 'active'],
      range: { lower: today, upper },
      selector: {
        deleted: false,
        ownerId: viewerId,
        status: 'active',
        endDate: { $gte: today, $lte: upper },
      },
    });
  }
  const yearly = [
    ['contacts', 'birthdayMonthDay', rules.birthday] as const,
    ['accounts', 'anniversaryMonthDay', rules.anniversary] as const,
  ];
  for (const [collection, field, rule] of yearly) {
    if (!rule.enabled) continue;
    for (const [lower, upper] of monthDayRanges(today, rule.leadDays))
      reads.push({
        collection,
        index: ['deleted', field],
        equal: [false],
        range: { lower, upper },
        selector: { deleted: false, [field]: { $gte: lower, $lte: upper } },
        keep: (record) => record.ownerId === viewerId,
      });
  }
  return reads;
}

/**
 * The follow-up source of the inbox (issue 18): reminders, escalations and key dates for the signed-in member,
 * computed by the rules in shared/rules from the local replica (offline too). The first computation reads only
 * index ranges (followUpReads), page by page with yields so it never holds a frame; afterwards each change event
 * recomputes the changed record alone, and one timer wakes at the next instant an item falls due (the earliest
 * `nextAt` of the rules, or the next local midnight for date rules) for a recomputation.
 */
export function createFollowUpSource(options: FollowUpSourceOptions): InboxSource {
  const { repos } = options;
  const calendarFor = options.calendarFor ?? weekdayCalendar;
  return {
    name: 'followUps',
    start(viewerId, now, onItems) {
      let stopped = false;
      let generation = 0;
      let team: TeamDirectory = buildTeamDirectory([]);
      let rules: FollowUpRulesValue | null = null;
      let relevantOwners = new Set<string>();
      /** Per record (`collection/id`): its items for the viewer and when they change by the clock. */
      let byRecord = new Map<string, { items: InboxItem[]; nextAt: number }>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      /** The earliest instant a record not read yet (idle since after a cutoff) can fall due. */
      let upcomingAt = Infinity;
      const subscriptions: Subscription[] = [];
      const pending = new Map<
        string,
        { collection: Watched; record: AnyRecord | null; id: string }
      >();
      let flushScheduled = false;
      /** A full computation is applying what it read: changes wait for it (then go on top). */
      let computing = false;
      // One calendar per UTC offset, kept: the working-time walks remember each calendar's days.
      const calendars = new Map<number, WorkingCalendar>();

      const context = (): FollowUpContext => {
        const at = now();
        const offset = -new Date(at).getTimezoneOffset();
        let calendar = calendars.get(offset);
        if (!calendar) calendars.set(offset, (calendar = calendarFor(offset)));
        return { now: at, rules: rules!, calendar, team };
      };

      const apply = (
        collection: Watched,
        id: string,
        record: AnyRecord | null,
        ctx: FollowUpContext,
        into = byRecord,
      ) => {
        const key = `${collection}/${id}`;
        if (!record || !relevantOwners.has(record.ownerId)) {
          into.delete(key);
          return;
        }
        const outcomes = outcomeOf(collection, record, ctx);
        const items = outcomes.flatMap((o) => o.items).filter((i) => i.recipientId === viewerId);
        const nextAt = Math.min(...outcomes.map((o) => o.nextAt));
        if (items.length === 0 && nextAt === Infinity) into.delete(key);
        else into.set(key, { items, nextAt });
      };

      const emit = () => {
        const all: InboxItem[] = [];
        for (const entry of byRecord.values()) for (const item of entry.items) all.push(item);
        onItems(all);
      };

      const schedule = (ctx: FollowUpContext) => {
        if (timer !== undefined) clearTimeout(timer);
        let next = startOfLocalDay(
          addDays(localDay(ctx.now, ctx.calendar.utcOffsetMinutes), 1),
          ctx.calendar.utcOffsetMinutes,
        );
        if (upcomingAt < next) next = upcomingAt;
        for (const entry of byRecord.values()) if (entry.nextAt < next) next = entry.nextAt;
        // At least a second apart: a clock that stands still (a paused page clock) must not spin.
        const delay = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, next - ctx.now));
        timer = setTimeout(() => void recompute('clock'), delay);
      };

      /** Reads everything the viewer may be due for and recomputes it (first start, the clock, members or rules). */
      const recompute = async (what: 'first' | 'clock') => {
        const mine = ++generation;
        computing = true;
        try {
          await computeAll(mine, what);
        } finally {
          if (mine === generation) computing = false;
        }
        // Changes that arrived meanwhile are applied on top.
        if (!stopped && mine === generation && pending.size > 0) flush();
      };

      const computeAll = async (mine: number, what: 'first' | 'clock') => {
        const started = performance.now();
        const [users, teams, loadedRules] = await Promise.all([
          repos.members.users(),
          repos.members.teams(),
          repos.settings.followUpRules(),
        ]);
        if (stopped || mine !== generation) return;
        team = buildTeamDirectory([...users, ...teams]);
        rules = loadedRules;
        const escalating = team.escalatingOwnersTo(viewerId);
        relevantOwners = new Set([viewerId, ...escalating]);
        const ctx = context();
        const found: { collection: Watched; record: AnyRecord }[] = [];
        upcomingAt = Infinity;
        const calendar = idleCalendar(ctx);
        // One batch per collection: the first pages of all its ranges (and of the "upcoming" probes) in one read
        // transaction; a range longer than a page goes on page by page, yielding between pages.
        const reads = followUpReads(viewerId, escalating, rules, ctx);
        await Promise.all(
          WATCHED.map(async (collection) => {
            const ofCollection = reads.filter((read) => read.collection === collection);
            if (ofCollection.length === 0) return;
            const repo = repos[collection] as unknown as RangeReader;
            const readStarted = performance.now();
            const batch = ofCollection.flatMap((read) => [
              { scan: read, selector: read.selector },
              ...(read.upcoming
                ? [
                    {
                      scan: { ...read, range: read.upcoming.range },
                      selector: read.upcoming.selector,
                      limit: 1,
                    },
                  ]
                : []),
            ]);
            const results = await repo.readIndexRanges(batch);
            const ms = performance.now() - readStarted;
            let at = 0;
            for (const read of ofCollection) {
              const records = results[at++];
              const upcoming = read.upcoming ? results[at++] : [];
              options.onRead?.({
                collection: read.collection,
                index: read.index.join('+'),
                rows: records.length,
                ms,
              });
              for (const record of records)
                if (!read.keep || read.keep(record))
                  found.push({ collection: read.collection, record });
              const first = upcoming[0];
              if (first && read.upcoming)
                upcomingAt = Math.min(
                  upcomingAt,
                  addWorkingMs(num(first, 'lastActivityAt'), read.upcoming.thresholdMs, calendar),
                );
            }
          }),
        );
        if (stopped || mine !== generation) return;
        const fresh = context();
        const next = new Map<string, { items: InboxItem[]; nextAt: number }>();
        for (let i = 0; i < found.length; i++) {
          const { collection, record } = found[i];
          apply(collection, record.id, record, fresh, next);
          if ((i + 1) % APPLY_SLICE === 0) {
            await yieldToPage();
            if (stopped || mine !== generation) return;
          }
        }
        byRecord = next;
        emit();
        schedule(fresh);
        options.onMeasure?.(what, performance.now() - started);
      };

      const flush = () => {
        flushScheduled = false;
        if (stopped || !rules || computing) return;
        const started = performance.now();
        const ctx = context();
        for (const change of pending.values())
          apply(change.collection, change.id, change.record, ctx);
        pending.clear();
        emit();
        schedule(ctx);
        options.onMeasure?.('change', performance.now() - started);
      };

      for (const collection of WATCHED) {
        const repo = repos[collection] as unknown as {
          changedRecords$(): Observable<{ id: string; record: AnyRecord | null }>;
        };
        subscriptions.push(
          repo.changedRecords$().subscribe(({ id, record }) => {
            pending.set(`${collection}/${id}`, { collection, id, record });
            if (flushScheduled) return;
            flushScheduled = true;
            // One recomputation for a burst of changes (a sync batch), after the writer's task.
            setTimeout(flush, 0);
          }),
        );
      }
      for (const collection of ['members', 'settings'] satisfies CollectionName[])
        subscriptions.push(repos[collection].changes$().subscribe(() => void recompute('clock')));

      void recompute('first');
      return () => {
        stopped = true;
        if (timer !== undefined) clearTimeout(timer);
        for (const s of subscriptions) s.unsubscribe();
      };
    },
  };
}

/** Lets input and frames run between two slices of a long computation. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
