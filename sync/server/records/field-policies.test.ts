import { describe, expect, it } from 'vitest';
import type { FieldPolicy } from '@shared/sync';
import type { ChangeEvent } from '../fanout';
import { FieldPolicies } from './field-policies';

const ON: FieldPolicy = {
  rules: [{ collection: 'deals', field: 'amount', roles: [], ownTeam: true }],
};

/** A store over a fake database holding `stored` (what loadFieldPolicy reads) and a bus the test drives. */
function setUp(stored: { value: unknown } | null) {
  let emit: (event: ChangeEvent) => void = () => undefined;
  const reads: string[] = [];
  const sql = {
    query: <T>(_text: string, params?: unknown[]) => {
      reads.push(String(params?.[0]));
      return Promise.resolve((stored ? [{ data: { value: stored.value } }] : []) as T[]);
    },
  };
  const policies = new FieldPolicies(sql, {
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  const changed: string[] = [];
  policies.onChange((workspaceId) => changed.push(workspaceId));
  return { policies, reads, changed, emit: (event: ChangeEvent) => emit(event), stored };
}

const policyWrite = (value: unknown, deleted = false): ChangeEvent => ({
  kind: 'records',
  workspaceId: 'w',
  collections: ['settings'],
  seq: 2,
  changes: [
    {
      id: 'w:fieldPolicy',
      teamId: '',
      previousTeamIds: [],
      doc: { id: 'w:fieldPolicy', kind: 'fieldPolicy', value, _deleted: deleted },
    },
  ],
});

describe('FieldPolicies', () => {
  it('reads a workspace policy once and answers from memory after', async () => {
    const { policies, reads } = setUp({ value: ON });
    expect(policies.peek('w')).toBeUndefined();
    expect(await policies.get('w')).toEqual(ON);
    expect(await policies.get('w')).toEqual(ON);
    expect(policies.peek('w')).toEqual(ON);
    expect(reads).toEqual(['w']);
  });

  it('restricts nothing when none is stored', async () => {
    const { policies } = setUp(null);
    expect(await policies.get('w')).toEqual({ rules: [] });
  });

  it('takes a written policy from the commit and tells listeners; other settings change nothing', async () => {
    const { policies, changed, emit, reads } = setUp(null);
    await policies.get('w');
    emit({
      kind: 'records',
      workspaceId: 'w',
      collections: ['settings'],
      seq: 1,
      changes: [
        {
          id: 'p',
          teamId: '',
          previousTeamIds: [],
          doc: { id: 'p', kind: 'pipeline', _deleted: false },
        },
      ],
    });
    expect(changed).toEqual([]);
    emit(policyWrite(ON));
    expect(policies.peek('w')).toEqual(ON);
    expect(changed).toEqual(['w']);
    // The same policy again is no change.
    emit(policyWrite(ON));
    expect(changed).toEqual(['w']);
    expect(reads).toEqual(['w']);
  });

  it('reads the policy again when another node announces settings (no documents)', async () => {
    const fake = setUp({ value: { rules: [] } });
    await fake.policies.get('w');
    (fake.stored as { value: unknown }).value = ON;
    fake.emit({ kind: 'records', workspaceId: 'w', collections: ['settings'], seq: 3 });
    expect(fake.policies.peek('w')).toBeUndefined();
    expect(await fake.policies.get('w')).toEqual(ON);
    await Promise.resolve();
    expect(fake.changed).toEqual(['w']);
  });
});
