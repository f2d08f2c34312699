import { z } from 'zod';
import { loadSession, type Session } from '../data/session';
import type { Workspace } from '../data/workspace';
import { hasWarmRows, takeWarmRead } from './first-screen';
import { firstContentShown } from './startup';
import { PAGE_SIZE } from '../hooks/page-size';

// zod probes `new Function` once to decide on JIT parsing; the strict CSP forbids eval, so say so up front
// (here: this module is evaluated before anything parses).
z.config({ jitless: true });

/** Longest the replica's open waits for the warm read (it normally takes tens of milliseconds once the store is open). */
const WARM_READ_WAIT_MS = 1500;
/** Longest it then waits for the list to show the warm rows (normally the time of one render). */
const FIRST_CONTENT_WAIT_MS = 800;

/**
 * Opens a workspace through a dynamic import: RxDB, the repositories and the search service are not needed
 * before the first screen has its rows (the open waits for them, waitBeforeOpen), so their modules are not
 * evaluated on the way to it (cold start, B6).
 */
function openWorkspace(session: Session): Promise<Workspace> {
  return import('../data/workspace').then((module) => module.openWorkspace(session));
}

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What RxDB's open waits for (cold start, handbook B6), each wait bounded:
 * - warm-replica.js's read of the accounts list's first page, when there is one (≤ `warmReadMs`): IndexedDB
 *   serves one origin's requests through one backing store, and RxDB's dozen database opens and reads queued
 *   in front of the page's hundred rows delayed the first screen by as much as they take (set L: the warm read
 *   finished ~150 ms after RxDB instead of ~50 ms after the store opened);
 * - when that read has rows, those rows on screen (≤ `firstContentMs`): the first screen then does not need RxDB
 *   at all, and RxDB's open (schemas, a dozen collections: ~100 ms of main-thread work here) ran between the
 *   first render and the rows' render. Without usable warm rows the open starts as soon as the read is done.
 */
export async function waitBeforeOpen(
  limits = { warmReadMs: WARM_READ_WAIT_MS, firstContentMs: FIRST_CONTENT_WAIT_MS },
): Promise<void> {
  const rows = await Promise.race([
    hasWarmRows(PAGE_SIZE),
    after(limits.warmReadMs).then(() => false),
  ]);
  if (!rows) return;
  await Promise.race([firstContentShown(), after(limits.firstContentMs)]);
}

/** The session this window started with (null: first run), as the early open read it. */
export function earlySession(): Session | null {
  return early?.session ?? null;
}

/** The workspace of `session`: the one opening since start when it is that session, else a new open. */
export function openWorkspaceOf(session: Session): Promise<Workspace> {
  const taken = early;
  early = null;
  return taken?.session === session ? taken.workspace : openWorkspace(session);
}

/**
 * Cold start (handbook B6): main.tsx imports this module first, so the saved session's replica starts
 * opening before React, Mantine and the pages are evaluated; IndexedDB then works in the browser process
 * while the main thread evaluates the rest of the bundle. Taken once; a remount or another session opens anew.
 */
let early: { session: Session; workspace: Promise<Workspace> } | null = (() => {
  const saved = loadSession();
  if (!saved) return null;
  takeWarmRead();
  const workspace = waitBeforeOpen().then(() => {
    performance.mark('crm:workspace-open-start');
    return openWorkspace(saved);
  });
  workspace.catch(() => undefined);
  return { session: saved, workspace };
})();
