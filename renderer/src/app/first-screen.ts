import { booleanIndexFields, type Account, type Member } from '@shared/domain';
import { keyOf, plainFromStored } from '../data/repositories/index-scan';
import type { AccountPage } from '../data/repositories';

/**
 * What renderer/public/warm-replica.js read for the accounts list before the app's bundle ran: the list's first
 * page (raw Dexie rows, newest first) and every member row. Null when the window did not open on the list or
 * the read failed.
 */
export interface WarmFirstScreen {
  /** The page size the script read (its FIRST_PAGE_SIZE): used only for a page of exactly that size. */
  pageSize: number;
  accounts: Record<string, unknown>[];
  members: Record<string, unknown>[];
}

declare global {
  interface Window {
    __crmFirstScreen?: Promise<WarmFirstScreen | null>;
  }
}

/** The sort the warm page was read in: the list's default (DEFAULT_ACCOUNT_SORT), keyed like listPageAfter. */
const SORT_FIELD = 'updatedAt';

function isRowList(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.every(
      (row) =>
        typeof row === 'object' && row !== null && typeof (row as { id?: unknown }).id === 'string',
    )
  );
}

/** The warm read, checked (it crossed from a plain script); null when there is none or it is not usable. */
async function warmRead(): Promise<WarmFirstScreen | null> {
  const pending = typeof window === 'undefined' ? undefined : window.__crmFirstScreen;
  if (!pending) return null;
  const read = await pending.catch(() => null);
  if (
    !read ||
    typeof read.pageSize !== 'number' ||
    !isRowList(read.accounts) ||
    !isRowList(read.members)
  )
    return null;
  return read;
}

let first: Promise<WarmFirstScreen | null> | null = null;
/** The warm read once it has arrived (checked), for the synchronous look of arrivedFirstScreen(). */
let arrived: WarmFirstScreen | null = null;
function firstScreen(): Promise<WarmFirstScreen | null> {
  first ??= warmRead().then((read) => (arrived = read));
  return first;
}

/** Starts taking the warm read as soon as it arrives (the app's entry calls it), so arrivedFirstScreen() sees it. */
export function takeWarmRead(): void {
  void firstScreen();
}

function accountsPageOf(read: WarmFirstScreen, limit: number): AccountPage {
  const booleans = booleanIndexFields('accounts');
  const rows = read.accounts.map((row) => plainFromStored<Account>(row, booleans));
  const last = rows[rows.length - 1];
  return {
    rows,
    next: rows.length === limit && last ? { key: keyOf(last, [SORT_FIELD], 0) } : null,
  };
}

function usersOf(read: WarmFirstScreen): Member[] {
  const booleans = booleanIndexFields('members');
  return read.members
    .filter((row) => row._deleted !== '1' && row._deleted !== true)
    .map((row) => plainFromStored<Member>(row, booleans))
    .filter((member) => member.kind === 'user' && !member.deleted)
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    .slice(0, 1000);
}

/**
 * The first page (`limit` rows) and the people, if the warm read has already arrived: the app seeds its query
 * cache with them before its first render, so the list renders with its rows in that render instead of
 * rendering a loader first and its rows one render later (cold start, B6). Null when it has not (yet).
 */
export function arrivedFirstScreen(limit: number): { page: AccountPage; users: Member[] } | null {
  if (!arrived || arrived.pageSize !== limit) return null;
  return { page: accountsPageOf(arrived, limit), users: usersOf(arrived) };
}

/** Whether the warm read is usable for pages of `limit` rows and holds accounts (the list can show rows before RxDB is open). */
export async function hasWarmRows(limit: number): Promise<boolean> {
  const read = await firstScreen();
  return read !== null && read.pageSize === limit && read.accounts.length > 0;
}

/**
 * The accounts list's first page (no filter, newest first, `limit` rows) as AccountRepository.listPageAfter
 * returns it, from the warm read; null when there is none or it was read for another page size.
 */
export async function warmAccountsPage(limit: number): Promise<AccountPage | null> {
  const read = await firstScreen();
  return read && read.pageSize === limit ? accountsPageOf(read, limit) : null;
}

/** The workspace's people as MemberRepository.users() returns them (active or not, not deleted, by name). */
export async function warmUsers(): Promise<Member[] | null> {
  const read = await firstScreen();
  return read ? usersOf(read) : null;
}

/** For tests: forget the warm read. */
export function resetFirstScreenForTests(): void {
  first = null;
  arrived = null;
}
