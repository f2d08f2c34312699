import { describe, expect, it } from 'vitest';
import { scopeFor } from '../sync/scope';
import {
  handoverTarget,
  mayHandOver,
  mayHandOverFrom,
  mayReceiveHandover,
  movesInHandover,
  type HandoverActor,
  type HandoverKind,
} from './handover';
import type { OwnerMember, OwnershipWriter } from './record-ownership';

// company → north → north-a; company → south
const teams = [
  { id: 'company', parentTeamId: '' },
  { id: 'north', parentTeamId: 'company' },
  { id: 'north-a', parentTeamId: 'north' },
  { id: 'south', parentTeamId: 'company' },
];
const member = (
  id: string,
  role: OwnerMember['role'],
  teamIds: string[],
  active = true,
): OwnerMember => ({ id, role, teamId: teamIds[0] ?? '', teamIds, active });
const actor = (userId: string, role: HandoverActor['role'], teamIds: string[]): HandoverActor => ({
  userId,
  role,
  teamIds,
});
const writer = (a: HandoverActor): OwnershipWriter => ({
  userId: a.userId,
  role: a.role,
  scope: scopeFor({ role: a.role, teamIds: a.teamIds }, teams),
});

const admin = actor('admin', 'admin', ['company']);
const northManager = actor('mgr-n', 'manager', ['north']);
const northRep = member('rep-n', 'rep', ['north']);
const northARep = member('rep-na', 'rep', ['north-a']);
const southRep = member('rep-s', 'rep', ['south']);

const may = (a: HandoverActor, from: OwnerMember | null, to: OwnerMember | null) =>
  mayHandOver({
    actor: a,
    from,
    to,
    teams,
    fromUserId: from?.id ?? 'ghost-from',
    toUserId: to?.id ?? 'ghost-to',
  });

describe('movesInHandover: what moves and what stays for history', () => {
  const cases: [HandoverKind, Record<string, unknown>, boolean][] = [
    ['accounts', {}, true],
    ['contacts', {}, true],
    ['leads', { status: 'converted' }, true],
    ['accounts', { deleted: true }, false],
    ['deals', { status: 'open' }, true],
    ['deals', { status: 'won' }, false],
    ['deals', { status: 'lost' }, false],
    ['tickets', { status: 'new' }, true],
    ['tickets', { status: 'open' }, true],
    ['tickets', { status: 'pending' }, true],
    ['tickets', { status: 'resolved' }, false],
    ['tickets', { status: 'closed' }, false],
    ['tasks', { type: 'task', done: false }, true],
    ['tasks', { type: 'task', done: true }, false],
    ['tasks', { type: 'call', done: false }, false],
    ['tasks', { type: 'comment', done: false }, false],
    ['tasks', { type: 'task', done: false, deleted: true }, false],
  ];
  it.each(cases)('%s %o → %s', (kind, record, expected) => {
    expect(movesInHandover(kind, record)).toBe(expected);
  });
});

describe('mayHandOver: who may hand whose records to whom', () => {
  it('an admin hands anyone over to an active colleague, across teams', () => {
    const result = may(admin, northRep, southRep);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.changes.writer.scope).toBe('all');
  });

  it('a manager hands over a rep of their tree (a team below theirs) to a rep of their own team', () => {
    expect(may(northManager, northARep, northRep).ok).toBe(true);
  });

  it('refuses a manager for a rep outside their tree', () => {
    expect(may(northManager, southRep, northRep)).toEqual({
      ok: false,
      refusal: { reason: 'notAllowed' },
    });
  });

  it('refuses a manager for someone with one team outside their tree', () => {
    const twoTeams = member('rep-x', 'rep', ['north', 'south']);
    expect(may(northManager, twoTeams, northRep)).toMatchObject({
      ok: false,
      refusal: { reason: 'notAllowed' },
    });
  });

  it('refuses a manager handing over themselves or an admin', () => {
    const self = member('mgr-n', 'manager', ['north']);
    expect(may(northManager, self, northRep)).toMatchObject({ refusal: { reason: 'notAllowed' } });
    const northAdmin = member('adm-n', 'admin', ['north']);
    expect(may(northManager, northAdmin, northRep)).toMatchObject({
      refusal: { reason: 'notAllowed' },
    });
  });

  it("refuses a manager's receiver outside their tree", () => {
    expect(may(northManager, northARep, southRep)).toEqual({
      ok: false,
      refusal: { reason: 'receiverOutOfScope', userId: 'rep-s' },
    });
  });

  it('refuses reps and viewers whatever they name', () => {
    expect(may(actor('rep-n', 'rep', ['north']), northARep, northRep)).toMatchObject({
      refusal: { reason: 'notAllowed' },
    });
    expect(may(actor('v', 'viewer', []), northARep, northRep)).toMatchObject({
      refusal: { reason: 'notAllowed' },
    });
  });

  it('refuses the same person as leaving and receiving', () => {
    expect(may(admin, northRep, northRep)).toEqual({ ok: false, refusal: { reason: 'sameUser' } });
  });

  it('refuses an inactive receiver', () => {
    expect(may(admin, northRep, member('gone', 'rep', ['north'], false))).toEqual({
      ok: false,
      refusal: { reason: 'receiverInactive', userId: 'gone' },
    });
  });

  it('names an unknown user', () => {
    expect(may(admin, null, northRep)).toEqual({
      ok: false,
      refusal: { reason: 'unknownUser', userId: 'ghost-from' },
    });
    expect(may(admin, northRep, null)).toEqual({
      ok: false,
      refusal: { reason: 'unknownUser', userId: 'ghost-to' },
    });
  });

  it('an inactive leaving person may still be handed over (deactivated first, handover later)', () => {
    expect(may(admin, member('rep-old', 'rep', ['north'], false), northRep).ok).toBe(true);
  });
});

describe('the pickers: whom the screen offers as leaving person and receiver', () => {
  const people = [northRep, northARep, southRep, member('adm', 'admin', ['north'])];
  it("a manager's leaving people: their tree's non-admins; receivers: active people of their tree", () => {
    expect(people.filter((p) => mayHandOverFrom(northManager, p, teams)).map((p) => p.id)).toEqual([
      'rep-n',
      'rep-na',
    ]);
    const inactive = member('rep-gone', 'rep', ['north'], false);
    expect(
      [...people, inactive]
        .filter((p) => mayReceiveHandover(northManager, p, teams))
        .map((p) => p.id),
    ).toEqual(['rep-n', 'rep-na', 'adm']);
  });
  it('an admin: everyone leaves, every active person receives; a rep: nobody', () => {
    expect(people.every((p) => mayHandOverFrom(admin, p, teams))).toBe(true);
    expect(people.some((p) => mayHandOverFrom(actor('rep-n', 'rep', ['north']), p, teams))).toBe(
      false,
    );
  });
});

describe('handoverTarget: owner and team of a moved record', () => {
  it('same team: the owner changes, the team stays', () => {
    expect(
      handoverTarget({
        writer: writer(admin),
        teams,
        receiver: member('rep-n2', 'rep', ['north']),
        record: { ownerId: 'rep-n', teamId: 'north' },
      }),
    ).toEqual({ ownerId: 'rep-n2', teamId: 'north' });
  });

  it('another team: the record follows the receiver into their team', () => {
    expect(
      handoverTarget({
        writer: writer(admin),
        teams,
        receiver: southRep,
        record: { ownerId: 'rep-n', teamId: 'north' },
      }),
    ).toEqual({ ownerId: 'rep-s', teamId: 'south' });
  });

  it("a manager's handover into a team below moves the record there", () => {
    expect(
      handoverTarget({
        writer: writer(northManager),
        teams,
        receiver: northARep,
        record: { ownerId: 'rep-n', teamId: 'north' },
      }),
    ).toEqual({ ownerId: 'rep-na', teamId: 'north-a' });
  });

  it('a workspace-wide record stays workspace-wide', () => {
    expect(
      handoverTarget({
        writer: writer(northManager),
        teams,
        receiver: northRep,
        record: { ownerId: 'rep-na', teamId: '' },
      }),
    ).toEqual({ ownerId: 'rep-n', teamId: '' });
  });

  it("a record outside a manager's scope does not move", () => {
    expect(
      handoverTarget({
        writer: writer(northManager),
        teams,
        receiver: northRep,
        record: { ownerId: 'rep-na', teamId: 'south' },
      }),
    ).toBeNull();
  });
});
