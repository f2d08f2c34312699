import { z } from 'zod';
import { loadSession, type Session } from './session';
import { openWorkspace, type Workspace } from './workspace';
import { hasWarmRows, takeWarmRead } from './first-screen';
import { firstContentShown } from './startup';

// zod probes `new Function` once to decide on JIT parsing; the strict CSP forbids eval, so say so up front
// (here: this module is evaluated before anything parses).
z.config({ jitless: true });

/** Longest the replica's open waits for the warm read (it normally takes tens of milliseconds once the store is open). */
const WARM_READ_WAIT_MS = 1500;
/** Longest it then waits for the list to show the warm rows (normally the time of one render). */
const FIRST_CONTENT_WAIT_MS = 800;

/**
 * When warm-replica.js is reading the accounts list's first page, RxDB's open waits for it: IndexedDB serves one
 * origin's requests through one backing store, and RxDB's dozen database opens and reads queued in front of the
 * page's hundred rows would delay the first screen by as much as they take (measured on set L: the warm read
 * finished ~150 ms after RxDB instead of ~50 ms after the store opened).
 */
function afterWarmRead(): Promise<unknown> {
  const warm = typeof window === 'undefined' ? undefined : window.__crmFirstScreen;
  if (!warm) return Promise.resolve();
  return Promise.race([warm.catch(() => null), new Promise((resolve) => setTimeout(resolve, WARM_READ_WAIT_MS))]);
}

/**
 * When the warm read has the list's rows, the first screen does not need RxDB at all, and RxDB's open (schemas,
 * a dozen collections: ~100 ms of main-thread work on these machines) run between the first render and the
 * rows' render delayed the rows by as much. So the open then waits until the rows are on screen (or a short
 * while, should the window show something else). Without usable warm rows the open starts at once.
 */
async function beforeOpen(): Promise<void> {
  await afterWarmRead();
  if (!(await hasWarmRows())) return;
  await Promise.race([firstContentShown(), new Promise((resolve) => setTimeout(resolve, FIRST_CONTENT_WAIT_MS))]);
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
  const workspace = beforeOpen().then(() => {
    performance.mark('crm:workspace-open-start');
    return openWorkspace(saved);
  });
  workspace.catch(() => undefined);
  return { session: saved, workspace };
})();
