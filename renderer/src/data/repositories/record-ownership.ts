import type { CollectionName, Member } from '@shared/domain';
import {
  decideRecordTeam,
  mayAssignTo,
  writerFromMember,
  type OwnershipWriter,
} from '@shared/rules/record-ownership';
import {
  PERSONAL_COLLECTIONS,
  RejectReason,
  WORKSPACE_WIDE_COLLECTIONS,
  type TeamNode,
} from '@shared/sync';
import { BusinessRuleError } from '../errors';
import type { CrmDatabase } from '../database';
import type { Actor } from './entity-repository';

/** The people the ownership rule reads from the replica (writer null: the replica has no record of them yet). */
interface People {
  writer: OwnershipWriter | null;
  teams: TeamNode[];
  users: Member[];
}

async function readPeople(db: CrmDatabase, actor: Actor): Promise<People | null> {
  // A replica that does not hold members (a test laptop syncing two collections) leaves the rule to the server.
  const members = (db as Partial<CrmDatabase>).members;
  if (!members) return null;
  // Sorted as MemberRepository.users() sorts, so the owner pickers keep their order.
  const all = (
    await members.find({ selector: { deleted: false }, sort: [{ name: 'asc' }] }).exec()
  ).map((doc) => doc.toJSON() as Member);
  const teams = all
    .filter((m) => m.kind === 'team')
    .map((m) => ({ id: m.id, parentTeamId: m.parentTeamId }));
  const users = all.filter((m) => m.kind === 'user');
  const me = users.find((m) => m.id === actor.userId);
  return { writer: me ? writerFromMember(me, teams) : null, teams, users };
}

/** Decides the team of one write; throws a BusinessRuleError with the server's reject reason on a refusal. */
export type TeamDecider = (
  before: { ownerId: string; teamId: string } | null,
  after: { ownerId: string; teamId: string },
) => string;

/**
 * The ownership rule (shared/rules/record-ownership.ts, as the server decides it) for many writes by one actor:
 * the people are read from the replica once, so an import of 100,000 rows decides each row's team without a
 * query per row.
 */
export async function teamDecider(
  db: CrmDatabase,
  actor: Actor,
  collection: CollectionName,
): Promise<TeamDecider> {
  const unchanged: TeamDecider = (_before, after) => after.teamId;
  if (WORKSPACE_WIDE_COLLECTIONS.has(collection)) return unchanged;
  const people = await readPeople(db, actor);
  const writer = people?.writer;
  if (!people || !writer) return unchanged;
  const users = new Map(people.users.map((m) => [m.id, m]));
  return (before, after) => {
    if (before && before.ownerId === after.ownerId && before.teamId === after.teamId)
      return after.teamId;
    const decision = decideRecordTeam({
      writer,
      teams: people.teams,
      owner: users.get(after.ownerId) ?? null,
      before,
      after,
    });
    if (decision.ok) return decision.changes.teamId;
    throw decision.refusal.reason === 'ownerOutOfScope'
      ? new BusinessRuleError(RejectReason.ownerOutOfScope, { owner: decision.refusal.ownerId })
      : new BusinessRuleError(RejectReason.workspaceWide);
  };
}

/**
 * The team a record is saved in (shared/rules/record-ownership.ts, as the server decides it): choosing an owner
 * sets the team. Throws a BusinessRuleError with the server's reject reason when the rule refuses.
 */
export async function teamForWrite(
  db: CrmDatabase,
  actor: Actor,
  collection: CollectionName,
  before: { ownerId: string; teamId: string } | null,
  after: { ownerId: string; teamId: string },
): Promise<string> {
  // Personal records (inbox marks) stay in their owner's personal team: the owner→team rule never moves them.
  if (WORKSPACE_WIDE_COLLECTIONS.has(collection) || PERSONAL_COLLECTIONS.has(collection))
    return after.teamId;
  if (before && before.ownerId === after.ownerId && before.teamId === after.teamId)
    return after.teamId;
  return (await teamDecider(db, actor, collection))(before, after);
}

/** The users the writer may make a record's owner (all of them when the replica does not know the writer). */
export async function assignableOwners(db: CrmDatabase, actor: Actor): Promise<Member[]> {
  const people = await readPeople(db, actor);
  if (!people) return [];
  const { writer } = people;
  return people.users.filter((user) => !writer || mayAssignTo(writer, user));
}
