import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account, Member } from '@shared/domain';
import {
  clearFirstScreenSnapshot,
  FIRST_SCREEN_SNAPSHOT_VERSION,
  readFirstScreenSnapshot,
  writeFirstScreenSnapshot,
} from './first-screen-snapshot';
import { buildAccount, withMeta } from '../../../test/support/factories';

const KEY = 'crm.first-screen';
const query = {
  key: '["accounts","list",{},{"field":"updatedAt","direction":"desc"}]',
  pageSize: 3,
};

const meta = {
  workspaceId: 'w1',
  teamId: 't1',
  ownerId: 'u1',
  createdAt: 1,
  updatedAt: 2,
  createdBy: 'u1',
  updatedBy: 'u1',
  deleted: false,
};

function account(id: string): Account {
  const fields = buildAccount({
    name: `公司 ${id}`,
    nameKey: id,
    industry: 'I65',
    tier: 'A',
    status: 'customer',
  });
  return {
    ...withMeta(fields, { id, workspaceId: 'w1', by: 'u1', teamId: 't1', at: 1 }),
    updatedAt: 2,
  };
}

const lin: Member = {
  ...meta,
  id: 'u1',
  kind: 'user',
  name: 'Lin',
  email: '',
  role: 'admin',
  parentTeamId: '',
  teamIds: ['t1'],
  active: true,
};

const screen = {
  page: { rows: [account('a1'), account('a2'), account('a3')], next: { key: [2, 'a3'] } },
  users: [lin],
};

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the first screen snapshot store (first-screen-snapshot.ts, localStorage)', () => {
  it('gives back what was written, for the same workspace and query', () => {
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();
    expect(writeFirstScreenSnapshot('crm-w1', query, screen)).toBe(true);
    expect(readFirstScreenSnapshot('crm-w1', query)).toEqual(screen);
  });

  it('keeps one page at most', () => {
    writeFirstScreenSnapshot('crm-w1', { ...query, pageSize: 2 }, screen);
    expect(
      readFirstScreenSnapshot('crm-w1', { ...query, pageSize: 2 })?.page.rows.map((a) => a.id),
    ).toEqual(['a1', 'a2']);
  });

  it("ignores another workspace's (or team user's) snapshot", () => {
    writeFirstScreenSnapshot('crm-w1-alice', query, screen);
    expect(readFirstScreenSnapshot('crm-w1-bob', query)).toBeNull();
    expect(readFirstScreenSnapshot('crm-w2-alice', query)).toBeNull();
  });

  it('ignores a snapshot of another query (sort, filter) or page size', () => {
    writeFirstScreenSnapshot('crm-w1', query, screen);
    expect(
      readFirstScreenSnapshot('crm-w1', { ...query, key: query.key.replace('desc', 'asc') }),
    ).toBeNull();
    expect(readFirstScreenSnapshot('crm-w1', { ...query, pageSize: 50 })).toBeNull();
  });

  it('ignores a snapshot of another version, one whose rows no longer parse, and damaged JSON', () => {
    writeFirstScreenSnapshot('crm-w1', query, screen);
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    localStorage.setItem(
      KEY,
      JSON.stringify({ ...stored, version: FIRST_SCREEN_SNAPSHOT_VERSION + 1 }),
    );
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();

    // A field the schema has since made required is missing from the stored rows.
    const { name: _dropped, ...nameless } = account('a1');
    localStorage.setItem(
      KEY,
      JSON.stringify({ ...stored, page: { rows: [nameless], next: null } }),
    );
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();

    localStorage.setItem(KEY, '{"version":');
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();
  });

  it('forgets the snapshot on clear, and when storage refuses a newer one', () => {
    writeFirstScreenSnapshot('crm-w1', query, screen);
    clearFirstScreenSnapshot();
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();

    writeFirstScreenSnapshot('crm-w1', query, screen);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(writeFirstScreenSnapshot('crm-w1', query, { ...screen, users: [] })).toBe(false);
    // The older snapshot would show rows the list no longer has.
    expect(readFirstScreenSnapshot('crm-w1', query)).toBeNull();
  });
});
