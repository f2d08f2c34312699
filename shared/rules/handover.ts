import type { CollectionName } from '../domain/entities';
import { inScope, scopeFor, type TeamNode } from '../sync/scope';
import type { RuleResult } from './deal-stage';
import {
  decideRecordTeam,
  teamsOfMember,
  type OwnerMember,
  type OwnershipWriter,
} from './record-ownership';

/**
 * Handover when someone leaves (离职交接, issue 19): an admin, or the leaving person's manager, moves everything
 * the person still works on to a receiver in one step. What moves: their accounts, contacts and leads, their
 * open deals, open tickets and tasks not done; closed deals, resolved or closed tickets and done tasks stay with
 * the leaving person as history. The server decides it with these functions (preview and execute alike).
 */

/** The kinds of record a handover moves, in the order the preview lists them. */
export const HANDOVER_KINDS = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'tickets',
  'tasks',
] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** Where each kind is stored: tasks are activities of type task. */
export const HANDOVER_COLLECTION: Readonly<Record<HandoverKind, CollectionName>> = {
  accounts: 'accounts',
  contacts: 'contacts',
  leads: 'leads',
  deals: 'deals',
  tickets: 'tickets',
  tasks: 'activities',
};

/** Ticket states that still need someone (resolved and closed tickets stay for history). */
const OPEN_TICKET_STATUSES: ReadonlySet<string> = new Set(['new', 'open', 'pending']);

/** A stored record as the rule reads it: `deleted`, and `status`, `type` and `done` where the kind has them. */
export type HandoverCandidate = Readonly<Record<string, unknown>>;

/**
 * Does a live record of `kind` owned by the leaving person move? Accounts, contacts and leads always; deals
 * while open; tickets while new, open or pending; activities only when they are tasks not done.
 */
export function movesInHandover(kind: HandoverKind, record: HandoverCandidate): boolean {
  if (record.deleted === true) return false;
  switch (kind) {
    case 'accounts':
    case 'contacts':
    case 'leads':
      return true;
    case 'deals':
      return record.status === 'open';
    case 'tickets':
      return typeof record.status === 'string' && OPEN_TICKET_STATUSES.has(record.status);
    case 'tasks':
      return record.type === 'task' && record.done !== true;
  }
}

/** The acting person as the rule needs them. */
export interface HandoverActor {
  userId: string;
  role: OwnershipWriter['role'];
  teamIds: readonly string[];
}

export type HandoverRefusal =
  /** The leaving person or the receiver is not a user of this workspace. */
  | { reason: 'unknownUser'; userId: string }
  /** Leaving person and receiver are the same person. */
  | { reason: 'sameUser' }
  /** The receiver is deactivated: nobody could work the records. */
  | { reason: 'receiverInactive'; userId: string }
  /** Only an admin, or a manager for people in their team tree, hands someone's records over. */
  | { reason: 'notAllowed' }
  /** A manager's receiver must be someone they may give records to (a team inside their tree). */
  | { reason: 'receiverOutOfScope'; userId: string };

/** The writer the handover writes as: the actor with their scope. */
function writerOf(actor: HandoverActor, teams: readonly TeamNode[]): OwnershipWriter {
  return {
    userId: actor.userId,
    role: actor.role,
    scope: scopeFor({ role: actor.role, teamIds: actor.teamIds }, teams),
  };
}

/**
 * May `actor` hand over `from`'s records (whoever receives them)? An admin anyone's; a manager those of a person
 * of their tree (every team of the person inside their teams and the teams below), neither an admin nor
 * themselves. The team-admin screen offers exactly these people as the leaving person.
 */
export function mayHandOverFrom(
  actor: HandoverActor,
  from: OwnerMember,
  teams: readonly TeamNode[],
): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'manager' || from.role === 'admin' || from.id === actor.userId) return false;
  const { scope } = writerOf(actor, teams);
  const fromTeams = teamsOfMember(from);
  return fromTeams.length > 0 && fromTeams.every((team) => inScope(scope, team));
}

/**
 * May `to` receive a handover by `actor`? An active person (anyone for an admin; for a manager, someone with a
 * team in their tree). The screen offers these as the receiver (the leaving person excluded).
 */
export function mayReceiveHandover(
  actor: HandoverActor,
  to: OwnerMember,
  teams: readonly TeamNode[],
): boolean {
  if (!to.active) return false;
  if (actor.role === 'admin') return true;
  const { scope } = writerOf(actor, teams);
  return teamsOfMember(to).some((team) => scope === 'all' || scope.has(team));
}

/**
 * May `actor` hand `from`'s records over to `to`? `mayHandOverFrom` and `mayReceiveHandover`, the receiver
 * someone else; the refusal says which part failed. Its answer carries the writer the handover writes as.
 */
export function mayHandOver(input: {
  actor: HandoverActor;
  from: OwnerMember | null;
  to: OwnerMember | null;
  teams: readonly TeamNode[];
  fromUserId: string;
  toUserId: string;
}): RuleResult<{ writer: OwnershipWriter }, HandoverRefusal> {
  const { actor, from, to, teams } = input;
  if (input.fromUserId === input.toUserId) return { ok: false, refusal: { reason: 'sameUser' } };
  if (actor.role !== 'admin' && actor.role !== 'manager')
    return { ok: false, refusal: { reason: 'notAllowed' } };
  if (!from) return { ok: false, refusal: { reason: 'unknownUser', userId: input.fromUserId } };
  if (!mayHandOverFrom(actor, from, teams)) return { ok: false, refusal: { reason: 'notAllowed' } };
  if (!to) return { ok: false, refusal: { reason: 'unknownUser', userId: input.toUserId } };
  if (!to.active) return { ok: false, refusal: { reason: 'receiverInactive', userId: to.id } };
  if (!mayReceiveHandover(actor, to, teams))
    return { ok: false, refusal: { reason: 'receiverOutOfScope', userId: to.id } };
  return { ok: true, changes: { writer: writerOf(actor, teams) } };
}

/**
 * The owner and team a moved record gets: the receiver, and the team the ownership rule gives (kept when the
 * receiver can see it, else the receiver's first team the writer may write to). Null when the record cannot
 * move: it lies outside the writer's scope, or the ownership rule refuses (it stays with the leaving person).
 */
export function handoverTarget(input: {
  writer: OwnershipWriter;
  teams: readonly TeamNode[];
  receiver: OwnerMember;
  record: { ownerId: string; teamId: string };
}): { ownerId: string; teamId: string } | null {
  const { writer, receiver, record } = input;
  if (!inScope(writer.scope, record.teamId)) return null;
  const decided = decideRecordTeam({
    writer,
    teams: input.teams,
    owner: receiver,
    before: record,
    after: { ownerId: receiver.id, teamId: record.teamId },
  });
  if (!decided.ok || !inScope(writer.scope, decided.changes.teamId)) return null;
  return { ownerId: receiver.id, teamId: decided.changes.teamId };
}
