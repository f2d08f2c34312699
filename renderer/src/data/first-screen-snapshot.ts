import { z } from 'zod';
import { accountSchema, memberSchema, type Account, type Member } from '@shared/domain';
import type { AccountPage } from './repositories';

/**
 * The first screen's snapshot (cold start, BENCHMARKS.md B6): the accounts list's first page and the workspace's
 * people as the list last showed them, written by the app from its own query results and read back on the
 * next start, so the list renders its rows in React's first render while the replica is still opening
 * (stale-while-revalidate: the live queries replace it once the replica is open).
 *
 * It lives in localStorage, not IndexedDB: a start reads it synchronously, and IndexedDB keeps all of an
 * origin's databases in one backing store whose opening on a large replica is most of a cold start.
 */

const KEY = 'crm.first-screen';

/** Bump when what is stored changes meaning; a snapshot of another version is ignored. */
export const FIRST_SCREEN_SNAPSHOT_VERSION = 1;

/** Which list, read how: a snapshot taken of another query (sort, filter, key) or page size is ignored. */
export interface SnapshotQuery {
  /** The list's query key, as JSON (changes with its sort or filter). */
  key: string;
  pageSize: number;
}

export interface FirstScreen {
  page: AccountPage;
  users: Member[];
}

const cursorSchema = z.union([
  z.object({ key: z.array(z.union([z.string(), z.number()])) }),
  z.object({ offset: z.number() }),
]);

// Rows are checked with the domain's own schemas: a snapshot taken before a schema change does not parse.
const snapshotSchema = z.object({
  version: z.literal(FIRST_SCREEN_SNAPSHOT_VERSION),
  workspace: z.string().min(1),
  query: z.object({ key: z.string(), pageSize: z.number() }),
  page: z.object({ rows: z.array(accountSchema), next: cursorSchema.nullable() }),
  users: z.array(memberSchema),
});

/**
 * The snapshot of `workspace` (databaseNameFor: one per workspace and, in a team, per user) for `query`;
 * null when there is none, it belongs to another workspace or query, or it does not parse.
 */
export function readFirstScreenSnapshot(
  workspace: string,
  query: SnapshotQuery,
): FirstScreen | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return null; // Storage unavailable: the list reads the replica.
  }
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) return null;
  const snapshot = parsed.data;
  if (
    snapshot.workspace !== workspace ||
    snapshot.query.key !== query.key ||
    snapshot.query.pageSize !== query.pageSize
  )
    return null;
  return { page: snapshot.page, users: snapshot.users };
}

/** Replaces the snapshot with what the list of `workspace` shows now. False when storage refused it. */
export function writeFirstScreenSnapshot(
  workspace: string,
  query: SnapshotQuery,
  screen: { page: { rows: Account[]; next: AccountPage['next'] }; users: Member[] },
): boolean {
  const snapshot: z.input<typeof snapshotSchema> = {
    version: FIRST_SCREEN_SNAPSHOT_VERSION,
    workspace,
    query,
    page: { rows: screen.page.rows.slice(0, query.pageSize), next: screen.page.next },
    users: screen.users,
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(snapshot));
    return true;
  } catch (error) {
    // Full or unavailable: an old snapshot must not stay behind the list's real state.
    console.warn('first-screen snapshot not saved', error);
    clearFirstScreenSnapshot();
    return false;
  }
}

/** Forgets the snapshot (sign-out, revoked device: the rows must not outlive the replica). */
export function clearFirstScreenSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: there is nothing to forget.
  }
}
