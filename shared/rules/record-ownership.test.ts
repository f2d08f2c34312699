import { describe, expect, it } from 'vitest';
import { scopeFor, type Principal } from '../sync/scope';
import {
  decideRecordTeam,
  mayAssignTo,
  teamsOfMember,
  writerFromMember,
  type OwnerMember,
  type OwnershipInput,
  type OwnershipWriter,
} from './record-ownership';

// company → north → north-a; company → south
const teams = [
  { id: 'company', parentTeamId: '' },
  { id: 'north', parentTeamId: 'company' },
  { id: 'north-a', parentTeamId: 'north' },
  { id: 'south', parentTeamId: 'company' },
];
const writer = (userId: string, role: Principal['role'], teamIds: string[]): OwnershipWriter => ({
  userId,
  role,
  scope: scopeFor({ role, teamIds }, teams),
});
const member = (
  id: string,
  role: OwnerMember['role'],
  teamIds: string[],
  active = true,
): OwnerMember => ({ id, role, teamId: teamIds[0] ?? '', teamIds, active });

const admin = writer('admin', 'admin', ['company']);
const northRep = writer('rep-n', 'rep', ['north']);
const northManager = writer('mgr-n', 'manager', ['north']);
const southRepMember = member('rep-s', 'rep', ['south']);
const northRepMember = member('rep-n', 'rep', ['north']);
const northARep = member('rep-na', 'rep', ['north-a']);

const decide = (input: Partial<OwnershipInput> & Pick<OwnershipInput, 'writer' | 'after'>) =>
  decideRecordTeam({ teams, owner: null, before: null, ...input });

describe('decideRecordTeam: the team follows the owner', () => {
  it("an admin's new record owned by a South rep goes to South, not the admin's team", () => {
    expect(
      decide({
        writer: admin,
        owner: southRepMember,
        after: { ownerId: 'rep-s', teamId: 'company' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'south' } });
  });

  it('keeps the team written when the owner can see it (their own team)', () => {
    expect(
      decide({
        writer: northRep,
        owner: northRepMember,
        after: { ownerId: 'rep-n', teamId: 'north' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north' } });
  });

  it('keeps a team below the one a manager-owner manages', () => {
    const manager = member('mgr-n', 'manager', ['north']);
    expect(
      decide({
        writer: northManager,
        owner: manager,
        after: { ownerId: 'mgr-n', teamId: 'north-a' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north-a' } });
  });

  it("reassigning to someone in another team the writer can see moves the record to that person's team", () => {
    expect(
      decide({
        writer: northManager,
        owner: northARep,
        before: { ownerId: 'mgr-n', teamId: 'north' },
        after: { ownerId: 'rep-na', teamId: 'north' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north-a' } });
  });

  it("picks the owner's first team the writer may write to when their primary team is outside it", () => {
    const twoTeams = member('rep-x', 'rep', ['south', 'north-a']);
    expect(
      decide({
        writer: northManager,
        owner: twoTeams,
        after: { ownerId: 'rep-x', teamId: 'north' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north-a' } });
  });

  it("leaves a team outside the writer's scope as written, for the scope check to refuse", () => {
    expect(
      decide({
        writer: northRep,
        owner: northRepMember,
        after: { ownerId: 'rep-n', teamId: 'south' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'south' } });
  });

  it('an admin owner sees every team: the team written stays', () => {
    expect(
      decide({
        writer: admin,
        owner: member('admin', 'admin', ['company']),
        after: { ownerId: 'admin', teamId: 'south' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'south' } });
  });

  it('leaves owner and team alone on an edit that changes neither', () => {
    // The owner has moved to South since; an unrelated edit does not move the record.
    expect(
      decide({
        writer: northRep,
        owner: southRepMember,
        before: { ownerId: 'rep-s', teamId: 'north' },
        after: { ownerId: 'rep-s', teamId: 'north' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north' } });
  });

  it('an unassigned record (owner "") keeps its team', () => {
    expect(decide({ writer: northRep, after: { ownerId: '', teamId: 'north' } })).toEqual({
      ok: true,
      changes: { teamId: 'north' },
    });
  });

  it('an owner with no team leaves the team as written', () => {
    expect(
      decide({
        writer: admin,
        owner: member('loner', 'rep', []),
        after: { ownerId: 'loner', teamId: 'north' },
      }),
    ).toEqual({ ok: true, changes: { teamId: 'north' } });
  });
});

describe('decideRecordTeam: whom a non-admin may make the owner', () => {
  it('refuses a rep making someone of another team the owner', () => {
    expect(
      decide({
        writer: northRep,
        owner: southRepMember,
        after: { ownerId: 'rep-s', teamId: 'north' },
      }),
    ).toEqual({ ok: false, refusal: { reason: 'ownerOutOfScope', ownerId: 'rep-s' } });
  });

  it('refuses the same reassignment of an existing record', () => {
    expect(
      decide({
        writer: northRep,
        owner: southRepMember,
        before: { ownerId: 'rep-n', teamId: 'north' },
        after: { ownerId: 'rep-s', teamId: 'north' },
      }),
    ).toEqual({ ok: false, refusal: { reason: 'ownerOutOfScope', ownerId: 'rep-s' } });
  });

  it('refuses an owner that is no member, and an inactive one', () => {
    expect(decide({ writer: northRep, after: { ownerId: 'ghost', teamId: 'north' } })).toEqual({
      ok: false,
      refusal: { reason: 'ownerOutOfScope', ownerId: 'ghost' },
    });
    expect(
      decide({
        writer: northRep,
        owner: member('gone', 'rep', ['north'], false),
        after: { ownerId: 'gone', teamId: 'north' },
      }),
    ).toEqual({ ok: false, refusal: { reason: 'ownerOutOfScope', ownerId: 'gone' } });
  });

  it('lets a rep make themselves the owner even before their member record arrived', () => {
    expect(decide({ writer: northRep, after: { ownerId: 'rep-n', teamId: 'north' } })).toEqual({
      ok: true,
      changes: { teamId: 'north' },
    });
  });

  it('lets an admin make anyone the owner', () => {
    expect(decide({ writer: admin, after: { ownerId: 'ghost', teamId: 'south' } })).toEqual({
      ok: true,
      changes: { teamId: 'south' },
    });
  });
});

describe('decideRecordTeam: no team (the whole workspace)', () => {
  it('refuses a rep creating a record with no team', () => {
    expect(decide({ writer: northRep, after: { ownerId: '', teamId: '' } })).toEqual({
      ok: false,
      refusal: { reason: 'workspaceWide' },
    });
    expect(
      decide({ writer: northRep, owner: northRepMember, after: { ownerId: 'rep-n', teamId: '' } }),
    ).toEqual({ ok: false, refusal: { reason: 'workspaceWide' } });
  });

  it('refuses a rep moving a record there', () => {
    expect(
      decide({
        writer: northRep,
        owner: northRepMember,
        before: { ownerId: 'rep-n', teamId: 'north' },
        after: { ownerId: 'rep-n', teamId: '' },
      }),
    ).toEqual({ ok: false, refusal: { reason: 'workspaceWide' } });
  });

  it('lets a rep edit a record that is already workspace-wide', () => {
    expect(
      decide({
        writer: northRep,
        owner: northRepMember,
        before: { ownerId: 'rep-n', teamId: '' },
        after: { ownerId: 'rep-n', teamId: '' },
      }),
    ).toEqual({ ok: true, changes: { teamId: '' } });
  });

  it('lets an admin put an unassigned record there', () => {
    expect(decide({ writer: admin, after: { ownerId: '', teamId: '' } })).toEqual({
      ok: true,
      changes: { teamId: '' },
    });
  });
});

describe('mayAssignTo and teamsOfMember', () => {
  it('offers a rep themselves and the active people of their teams', () => {
    const people = [
      northRepMember,
      southRepMember,
      northARep,
      member('idle', 'rep', ['north'], false),
    ];
    expect(people.filter((p) => mayAssignTo(northRep, p)).map((p) => p.id)).toEqual(['rep-n']);
    expect(people.filter((p) => mayAssignTo(northManager, p)).map((p) => p.id)).toEqual([
      'rep-n',
      'rep-na',
    ]);
    expect(people.filter((p) => mayAssignTo(admin, p)).map((p) => p.id)).toEqual([
      'rep-n',
      'rep-s',
      'rep-na',
      'idle',
    ]);
  });

  it('lists the primary team first, once', () => {
    expect(teamsOfMember({ teamId: 'south', teamIds: ['north', 'south'] })).toEqual([
      'south',
      'north',
    ]);
    expect(teamsOfMember({ teamId: '', teamIds: [] })).toEqual([]);
  });
});

describe('writerFromMember', () => {
  it("gives the app's writer the scope the server gives the same person", () => {
    const me = member('mgr-n', 'manager', ['north']);
    const writer = writerFromMember(me, teams);
    expect(writer.role).toBe('manager');
    expect(writer.scope === 'all' ? 'all' : [...writer.scope].sort()).toEqual(['north', 'north-a']);
    expect(writerFromMember(member('x', '', ['south']), teams).role).toBe('rep');
  });
});
