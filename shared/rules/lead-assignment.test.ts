import { describe, expect, it } from 'vitest';
import type { LeadAssignmentRule, LeadAssignmentValue } from '../domain/entities';
import {
  afterAssignment,
  withServerAssignment,
  assignmentInboxItems,
  assignLead,
  ruleMatchesLead,
  teamAssignees,
  type AssignableMember,
  type AssignmentState,
} from './lead-assignment';

const person = (
  id: string,
  teamIds: string[],
  role: AssignableMember['role'] = 'rep',
  active = true,
): AssignableMember => ({ id, role, teamId: teamIds[0] ?? '', teamIds, active });

// north: ann, bob, cat (reps), mgr (manager), viewer vic, inactive ida; south: sam; admin ada
const members = [
  person('bob', ['north']),
  person('ann', ['north']),
  person('cat', ['north']),
  person('mgr', ['north'], 'manager'),
  person('vic', ['north'], 'viewer'),
  person('ida', ['north'], 'rep', false),
  person('sam', ['south']),
  person('ada', ['hq'], 'admin'),
];
const northRule: LeadAssignmentRule = {
  id: 'north-rr',
  name: '',
  regions: ['beijing', 'tianjin'],
  industries: [],
  target: { kind: 'team', teamId: 'north' },
};
const softwareToSam: LeadAssignmentRule = {
  id: 'it-sam',
  name: '',
  regions: [],
  industries: ['I'],
  target: { kind: 'member', memberId: 'sam' },
};
const rules = (over: Partial<LeadAssignmentValue> = {}): LeadAssignmentValue => ({
  enabled: true,
  rules: [softwareToSam, northRule],
  capacity: 0,
  fallbackOwnerId: 'ada',
  ...over,
});
const state = (over: Partial<AssignmentState> = {}): AssignmentState => ({
  members,
  openLeadCounts: new Map(),
  cursors: {},
  ...over,
});
const beijingRetail = { region: 'beijing', industry: 'F52' } as const;

describe('ruleMatchesLead', () => {
  it('empty conditions match any lead, blank fields included', () => {
    expect(ruleMatchesLead({ regions: [], industries: [] }, { region: '', industry: '' })).toBe(
      true,
    );
  });
  it('a region list matches only its regions; a blank region matches none', () => {
    expect(ruleMatchesLead(northRule, beijingRetail)).toBe(true);
    expect(ruleMatchesLead(northRule, { region: 'shanghai', industry: 'F52' })).toBe(false);
    expect(ruleMatchesLead(northRule, { region: '', industry: 'F52' })).toBe(false);
  });
  it('a section letter matches its divisions; a division matches only itself', () => {
    expect(ruleMatchesLead(softwareToSam, { region: '', industry: 'I65' })).toBe(true);
    expect(ruleMatchesLead(softwareToSam, { region: '', industry: 'I' })).toBe(true);
    expect(ruleMatchesLead(softwareToSam, { region: '', industry: 'J66' })).toBe(false);
    expect(ruleMatchesLead(softwareToSam, { region: '', industry: '' })).toBe(false);
    const i65 = { regions: [], industries: ['I65'] };
    expect(ruleMatchesLead(i65, { region: '', industry: 'I65' })).toBe(true);
    expect(ruleMatchesLead(i65, { region: '', industry: 'I64' })).toBe(false);
    expect(ruleMatchesLead(i65, { region: '', industry: 'I' })).toBe(false);
  });
});

describe('teamAssignees', () => {
  it('active reps and managers of the team, by id (viewers, admins, inactive people out)', () => {
    expect(teamAssignees(members, 'north').map((m) => m.id)).toEqual(['ann', 'bob', 'cat', 'mgr']);
    expect(teamAssignees(members, 'hq')).toEqual([]);
  });
});

describe('assignLead', () => {
  it('does nothing while disabled', () => {
    expect(assignLead(beijingRetail, rules({ enabled: false }), state())).toBeNull();
  });

  it('a member rule gives the lead to its member', () => {
    expect(assignLead({ region: 'beijing', industry: 'I65' }, rules(), state())).toEqual({
      ownerId: 'sam',
      ruleId: 'it-sam',
      nextCursor: null,
    });
  });

  it('round robin starts at the first person by id and moves its cursor', () => {
    expect(assignLead(beijingRetail, rules(), state())).toEqual({
      ownerId: 'ann',
      ruleId: 'north-rr',
      nextCursor: { ruleId: 'north-rr', ownerId: 'ann' },
    });
  });

  it('round robin deals in turn: ann, bob, cat, mgr, ann … over seven leads', () => {
    let s = state();
    const owners: string[] = [];
    for (let i = 0; i < 7; i++) {
      const decision = assignLead(beijingRetail, rules(), s);
      if (!decision) throw new Error('unassigned');
      owners.push(decision.ownerId);
      s = afterAssignment(s, decision);
    }
    expect(owners).toEqual(['ann', 'bob', 'cat', 'mgr', 'ann', 'bob', 'cat']);
    expect(s.cursors).toEqual({ 'north-rr': 'cat' });
    expect(s.openLeadCounts.get('ann')).toBe(2);
  });

  it('a cursor naming someone who left continues with the next person by id', () => {
    const decision = assignLead(beijingRetail, rules(), state({ cursors: { 'north-rr': 'bz' } }));
    expect(decision?.ownerId).toBe('cat');
  });

  it('after the last person by id the round starts again', () => {
    const decision = assignLead(beijingRetail, rules(), state({ cursors: { 'north-rr': 'mgr' } }));
    expect(decision?.ownerId).toBe('ann');
  });

  it('skips a person at capacity: bob holds 3 of 3 open leads, so cat is next after ann', () => {
    const counts = new Map([
      ['bob', 3],
      ['ann', 2],
    ]);
    const decision = assignLead(
      beijingRetail,
      rules({ capacity: 3 }),
      state({ openLeadCounts: counts, cursors: { 'north-rr': 'ann' } }),
    );
    expect(decision).toEqual({
      ownerId: 'cat',
      ruleId: 'north-rr',
      nextCursor: { ruleId: 'north-rr', ownerId: 'cat' },
    });
  });

  it('a member at capacity passes the lead to the next matching rule', () => {
    const decision = assignLead(
      { region: 'beijing', industry: 'I65' },
      rules({ capacity: 1 }),
      state({ openLeadCounts: new Map([['sam', 1]]) }),
    );
    expect(decision?.ownerId).toBe('ann');
    expect(decision?.ruleId).toBe('north-rr');
  });

  it('everyone full: the fallback owner gets it, capacity aside', () => {
    const full = new Map(['ann', 'bob', 'cat', 'mgr', 'sam', 'ada'].map((id) => [id, 5]));
    expect(
      assignLead(beijingRetail, rules({ capacity: 5 }), state({ openLeadCounts: full })),
    ).toEqual({ ownerId: 'ada', ruleId: '', nextCursor: null });
  });

  it('nothing matches: the fallback owner; no fallback: unassigned', () => {
    const shanghai = { region: 'shanghai', industry: 'F52' } as const;
    expect(assignLead(shanghai, rules(), state())?.ownerId).toBe('ada');
    expect(assignLead(shanghai, rules({ fallbackOwnerId: '' }), state())).toBeNull();
  });

  it('an inactive or unknown member or fallback is never given a lead', () => {
    const toIda: LeadAssignmentRule = {
      ...softwareToSam,
      id: 'ida',
      target: { kind: 'member', memberId: 'ida' },
    };
    const value = rules({ rules: [toIda], fallbackOwnerId: 'ida' });
    expect(assignLead({ region: '', industry: 'I65' }, value, state())).toBeNull();
    const ghost = rules({ rules: [], fallbackOwnerId: 'ghost' });
    expect(assignLead(beijingRetail, ghost, state())).toBeNull();
  });

  it('a team with nobody to deal to passes the lead on', () => {
    const hqRule: LeadAssignmentRule = {
      ...northRule,
      id: 'hq',
      regions: [],
      target: { kind: 'team', teamId: 'hq' },
    };
    const decision = assignLead(beijingRetail, rules({ rules: [hqRule, northRule] }), state());
    expect(decision?.ruleId).toBe('north-rr');
  });
});

describe('withServerAssignment', () => {
  const stored = { ownerId: 'ann', teamId: 'north', assignedAt: 500, name: '服务器' };
  it('a copy older than the assignment takes owner, team and time; other fields stay', () => {
    const local = { ownerId: '', teamId: 'hq', assignedAt: 0, name: '本机' };
    expect(withServerAssignment(local, stored)).toEqual({
      ownerId: 'ann',
      teamId: 'north',
      assignedAt: 500,
      name: '本机',
    });
  });
  it('a copy that saw the assignment (or a later one) is left as it is', () => {
    const local = { ownerId: 'bob', teamId: 'north', assignedAt: 500, name: '本机' };
    expect(withServerAssignment(local, stored)).toBe(local);
    expect(withServerAssignment(local, { ...stored, assignedAt: 0 })).toBe(local);
  });
});

describe('assignmentInboxItems', () => {
  const day = 24 * 3600_000;
  const now = 100 * day;
  const lead = (id: string, ownerId: string, assignedAt: number, deleted = false) => ({
    id,
    name: `线索${id}`,
    company: id === 'a' ? '杭州某某有限公司' : '',
    ownerId,
    assignedAt,
    deleted,
  });

  it("the viewer's leads assigned in the last 14 days, newest first; others, older, never assigned or deleted left out", () => {
    const items = assignmentInboxItems(
      'ann',
      [
        lead('a', 'ann', now - day),
        lead('b', 'ann', now - 2 * day),
        lead('old', 'ann', now - 15 * day),
        lead('edge', 'ann', now - 14 * day),
        lead('typed', 'ann', 0),
        lead('bob', 'bob', now - day),
        lead('gone', 'ann', now - day, true),
      ],
      now,
    );
    expect(items.map((i) => i.recordId)).toEqual(['a', 'b', 'edge']);
    expect(items[0]).toEqual({
      key: `leadAssigned:leads:a:${now - day}`,
      kind: 'assignment',
      rule: 'leadAssigned',
      recipientId: 'ann',
      recordCollection: 'leads',
      recordId: 'a',
      recordTitle: '线索a · 杭州某某有限公司',
      dueAt: now - day,
      params: {},
    });
  });
});
