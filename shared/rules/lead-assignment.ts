import type { Lead, LeadAssignmentRule, LeadAssignmentValue, Member } from '../domain/entities';
import { sectionOf } from '../domain/industry';
import type { LEAD_STATUSES } from '../domain/lists';
import { inboxItemKey, type InboxItem } from './inbox-items';
import { teamsOfMember } from './record-ownership';

/**
 * Automatic lead assignment (issue 19, "Scoring and assignment"): which member gets a new unowned lead. The sync
 * server applies it once, in the transaction that first stores the lead (sync/server/records/lead-assignment.ts);
 * the settings card edits the rules.
 *
 * - Rules are tried in order. A rule matches when its regions are empty or hold the lead's region, and its
 *   industries are empty or hold the lead's industry (a section letter 'I' holds its divisions 'I63'–'I65').
 * - A team target deals leads round robin among the team's active reps and managers (ordered by id): the one after
 *   the rule's cursor (the last person it gave a lead to) first. A member target gives it to that member.
 * - Nobody is given a lead while they hold `capacity` open leads or more (0 = no cap): they are skipped, and a
 *   rule whose people are all full (or gone) passes the lead to the next matching rule.
 * - When no rule gives an owner, the fallback owner gets it (when active; capacity does not apply: the fallback
 *   is where overflow goes); with no fallback the lead stays unassigned (null).
 */

/** The part of a `members` record (kind user) assignment reads. */
export type AssignableMember = Pick<Member, 'id' | 'role' | 'teamId' | 'teamIds' | 'active'>;

export interface AssignmentState {
  /** Users of the workspace (kind user; deleted ones left out). */
  members: readonly AssignableMember[];
  /** Open leads per owner id (absent: none). */
  openLeadCounts: ReadonlyMap<string, number>;
  /** Per rule id, the member the rule's round robin gave its last lead to ('' or absent: none yet). */
  cursors: Readonly<Record<string, string>>;
}

export interface LeadAssignmentDecision {
  ownerId: string;
  /** The rule that placed the lead; '' when the fallback owner got it. */
  ruleId: string;
  /** The round-robin cursor to store after this assignment (team rules only). */
  nextCursor: { ruleId: string; ownerId: string } | null;
}

/** Lead statuses that count towards a person's capacity. */
export const OPEN_LEAD_STATUSES: readonly (typeof LEAD_STATUSES)[number][] = [
  'new',
  'contacted',
  'qualified',
];

/** Does the rule's region and industry condition hold for the lead? */
export function ruleMatchesLead(
  rule: Pick<LeadAssignmentRule, 'regions' | 'industries'>,
  lead: Pick<Lead, 'region' | 'industry'>,
): boolean {
  if (rule.regions.length > 0 && !rule.regions.some((region) => region === lead.region))
    return false;
  if (rule.industries.length === 0) return true;
  if (lead.industry === '') return false;
  return rule.industries.some(
    (code) => code === lead.industry || (code.length === 1 && code === sectionOf(lead.industry)),
  );
}

/** Members a team rule deals leads to: active reps and managers of the team, by id. */
export function teamAssignees(
  members: readonly AssignableMember[],
  teamId: string,
): AssignableMember[] {
  return members
    .filter(
      (m) =>
        m.active && (m.role === 'rep' || m.role === 'manager') && teamsOfMember(m).includes(teamId),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The owner the rules give `lead`, or null when it stays unassigned (disabled, nothing matched, no fallback). */
export function assignLead(
  lead: Pick<Lead, 'region' | 'industry'>,
  rules: LeadAssignmentValue,
  state: AssignmentState,
): LeadAssignmentDecision | null {
  if (!rules.enabled) return null;
  const hasRoom = (memberId: string) =>
    rules.capacity === 0 || (state.openLeadCounts.get(memberId) ?? 0) < rules.capacity;
  for (const rule of rules.rules) {
    if (!ruleMatchesLead(rule, lead)) continue;
    const { target } = rule;
    if (target.kind === 'member') {
      const member = state.members.find((m) => m.id === target.memberId);
      if (member?.active && hasRoom(member.id))
        return { ownerId: member.id, ruleId: rule.id, nextCursor: null };
      continue;
    }
    const people = teamAssignees(state.members, target.teamId);
    const cursor = state.cursors[rule.id] ?? '';
    // The first person after the cursor (by id, so a cursor whose member left still finds its place), cycling.
    const start = people.findIndex((m) => m.id > cursor);
    for (let i = 0; i < people.length; i++) {
      const person = people[((start === -1 ? 0 : start) + i) % people.length];
      if (hasRoom(person.id))
        return {
          ownerId: person.id,
          ruleId: rule.id,
          nextCursor: { ruleId: rule.id, ownerId: person.id },
        };
    }
  }
  const fallback = state.members.find((m) => m.id === rules.fallbackOwnerId);
  if (rules.fallbackOwnerId !== '' && fallback?.active)
    return { ownerId: fallback.id, ruleId: '', nextCursor: null };
  return null;
}

/**
 * The state after a decision, so the next lead of the same batch sees it: the owner holds one more open lead and
 * the rule's cursor moved.
 */
export function afterAssignment(
  state: AssignmentState,
  decision: LeadAssignmentDecision,
): AssignmentState {
  const openLeadCounts = new Map(state.openLeadCounts);
  openLeadCounts.set(decision.ownerId, (openLeadCounts.get(decision.ownerId) ?? 0) + 1);
  const cursors = decision.nextCursor
    ? { ...state.cursors, [decision.nextCursor.ruleId]: decision.nextCursor.ownerId }
    : state.cursors;
  return { members: state.members, openLeadCounts, cursors };
}

/** The fields the server's assignment writes (owner, the team that follows it, when). */
export const ASSIGNMENT_FIELDS = ['ownerId', 'teamId', 'assignedAt'] as const;

/**
 * A laptop's copy of a lead made before the server assigned it (its `assignedAt` is older than the stored one)
 * takes the assignment from the stored lead: its own unowned state is not a later choice of owner, so it must not
 * be pushed back over the rules' decision (the client's conflict handler and the inbox read the same fields).
 */
export function withServerAssignment<T extends Record<string, unknown>>(
  local: T,
  stored: Record<string, unknown>,
): T {
  const storedAt = typeof stored.assignedAt === 'number' ? stored.assignedAt : 0;
  const localAt = typeof local.assignedAt === 'number' ? local.assignedAt : 0;
  if (storedAt <= localAt) return local;
  const out: Record<string, unknown> = { ...local };
  for (const field of ASSIGNMENT_FIELDS) out[field] = stored[field];
  return out as T;
}

/** How long an assignment stays news in the inbox: older ones were seen, or are follow-up reminders by now. */
export const ASSIGNMENT_INBOX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * "Assigned to you" inbox items (issue 19): the viewer's leads the rules assigned within the window, one item per
 * assignment (the key names its time, so a lead assigned again is news again); the inbox hides the marked ones.
 */
export function assignmentInboxItems(
  viewerId: string,
  leads: Iterable<Pick<Lead, 'id' | 'name' | 'company' | 'ownerId' | 'assignedAt' | 'deleted'>>,
  now: number,
  windowMs = ASSIGNMENT_INBOX_WINDOW_MS,
): InboxItem[] {
  const items: InboxItem[] = [];
  for (const lead of leads) {
    if (lead.deleted || lead.ownerId !== viewerId || lead.assignedAt === 0) continue;
    if (lead.assignedAt < now - windowMs) continue;
    items.push({
      key: inboxItemKey('leadAssigned', 'leads', lead.id, lead.assignedAt),
      kind: 'assignment',
      rule: 'leadAssigned',
      recipientId: viewerId,
      recordCollection: 'leads',
      recordId: lead.id,
      recordTitle: lead.company ? `${lead.name} · ${lead.company}` : lead.name,
      dueAt: lead.assignedAt,
      params: {},
    });
  }
  return items.sort((a, b) => b.dueAt - a.dueAt);
}
