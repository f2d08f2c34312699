import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '@shared/sync';
import {
  fillCheckpoint,
  planPull,
  sameScope,
  scopeKeyOf,
  teamsMinus,
  wireScopeOf,
  type FillPlan,
} from './rescope';

const set = (...teams: string[]) => new Set(teams);
const fillOf = (checkpoint: Checkpoint | null, scope: 'all' | Set<string>): FillPlan => {
  const plan = planPull('accounts', checkpoint, scope);
  if (plan.kind !== 'fill') throw new Error('expected a fill');
  return plan;
};

describe('planPull: when a pull is a back-fill', () => {
  it('is a normal pull when the checkpoint was filled with the current scope (in any order)', () => {
    expect(planPull('accounts', { seq: 9, scope: ['b', 'a'] }, set('a', 'b'))).toEqual({
      kind: 'normal',
    });
    expect(planPull('accounts', { seq: 9, scope: 'all', fill: null }, 'all')).toEqual({
      kind: 'normal',
    });
  });

  it('is a normal pull for first pulls, old checkpoints without a scope and workspace-wide collections', () => {
    expect(planPull('accounts', null, set('a')).kind).toBe('normal');
    expect(planPull('accounts', { seq: 9 }, set('a')).kind).toBe('normal');
    expect(planPull('members', { seq: 9, scope: ['x'] }, set('a')).kind).toBe('normal');
    expect(planPull('settings', { seq: 9, scope: 'all' }, set('a')).kind).toBe('normal');
  });

  it('gains the new teams and loses the old ones, from the start, at the checkpoint’s sequence', () => {
    const plan = fillOf({ seq: 40, scope: ['north', 'east'] }, set('south', 'east'));
    expect(plan).toMatchObject({
      seq: 40,
      held: ['north', 'east'],
      maybe: ['north', 'east'],
      to: ['east', 'south'],
      phase: 'gain',
      afterSeq: 0,
      afterId: '',
      gain: { only: ['south'] },
      lose: { only: ['north'] },
    });
  });

  it('an admin demoted to a rep loses every other team; promoted back, gains every other team', () => {
    expect(fillOf({ seq: 5, scope: 'all' }, set('north'))).toMatchObject({
      gain: null,
      lose: { except: ['north'] },
    });
    expect(fillOf({ seq: 5, scope: ['north'] }, 'all')).toMatchObject({
      gain: { except: ['north'] },
      lose: null,
    });
  });

  it('continues a fill whose target is still the current scope, from its cursor', () => {
    const checkpoint: Checkpoint = {
      seq: 40,
      scope: ['north'],
      fill: { to: ['south'], maybe: ['north'], phase: 'lose', afterSeq: 12, afterId: 'acc-7' },
    };
    expect(fillOf(checkpoint, set('south'))).toMatchObject({
      held: ['north'],
      phase: 'lose',
      afterSeq: 12,
      afterId: 'acc-7',
      gain: { only: ['south'] },
      lose: { only: ['north'] },
    });
  });

  it('restarts a fill when the scope changed again during its gain phase: the partly gained teams may be held', () => {
    const checkpoint: Checkpoint = {
      seq: 40,
      scope: ['north'],
      fill: { to: ['north', 'south'], maybe: ['north'], phase: 'gain', afterSeq: 30, afterId: '' },
    };
    const plan = fillOf(checkpoint, set('north', 'west'));
    expect(plan).toMatchObject({
      held: ['north'],
      maybe: ['north', 'south'],
      phase: 'gain',
      afterSeq: 0,
      gain: { only: ['west'] },
      lose: { only: ['south'] },
    });
  });

  it('restarts from the old target when the scope changed during the lose phase (its teams are all there)', () => {
    const checkpoint: Checkpoint = {
      seq: 40,
      scope: ['north'],
      fill: { to: ['south'], maybe: ['north'], phase: 'lose', afterSeq: 30, afterId: 'acc-3' },
    };
    const plan = fillOf(checkpoint, set('south', 'west'));
    expect(plan).toMatchObject({
      held: ['south'],
      maybe: ['north', 'south'],
      phase: 'gain',
      afterId: '',
      gain: { only: ['west'] },
      lose: { only: ['north'] },
    });
  });

  it('ends an interrupted fill that only needs its lost side when the scope went back to what it was', () => {
    const checkpoint: Checkpoint = {
      seq: 40,
      scope: ['north'],
      fill: { to: ['north', 'south'], maybe: ['north'], phase: 'gain', afterSeq: 30, afterId: '' },
    };
    expect(fillOf(checkpoint, set('north'))).toMatchObject({
      gain: null,
      lose: { only: ['south'] },
    });
  });

  it('the checkpoint of a page inside a fill keeps the held scope and names the cursor', () => {
    const plan = fillOf({ seq: 40, scope: ['north'] }, set('south'));
    expect(fillCheckpoint(plan, { phase: 'gain', afterSeq: 17, afterId: '' })).toEqual({
      seq: 40,
      scope: ['north'],
      fill: { to: ['south'], maybe: ['north'], phase: 'gain', afterSeq: 17, afterId: '' },
    });
  });
});

describe('scope helpers', () => {
  it('compares scopes by their teams', () => {
    expect(sameScope(['a', 'b'], set('b', 'a'))).toBe(true);
    expect(sameScope(['a'], set('a', 'b'))).toBe(false);
    expect(sameScope('all', 'all')).toBe(true);
    expect(sameScope('all', set())).toBe(false);
  });

  it('subtracts teams, never the workspace-wide team', () => {
    expect(teamsMinus(['a', 'b', ''], ['b'])).toEqual({ only: ['a'] });
    expect(teamsMinus(['a'], ['a'])).toBeNull();
    expect(teamsMinus(['a'], 'all')).toBeNull();
    expect(teamsMinus('all', ['a'])).toEqual({ except: ['a'] });
  });

  it('names a scope once per scope object, sorted', () => {
    const scope = set('b', 'a');
    expect(wireScopeOf(scope)).toEqual(['a', 'b']);
    expect(wireScopeOf(scope)).toBe(wireScopeOf(scope));
    expect(scopeKeyOf(scope)).toBe('a,b');
    expect(scopeKeyOf('all')).toBe('*');
  });
});
