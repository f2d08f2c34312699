import { z } from 'zod';
import { loadSession, type Session } from '../data/session';
import type { Workspace } from '../data/workspace';
import { firstContentShown } from '../platform/startup';
import { readFirstScreen, routeOf } from './first-screen-cache';
import type { FirstScreen } from '../data/first-screen-snapshot';

// zod probes `new Function` once to decide on JIT parsing; the strict CSP forbids eval, so say so up front
// (here: this module is evaluated before anything parses).
z.config({ jitless: true });

/**
 * Opens a workspace through a dynamic import: RxDB, the repositories and the search service are not needed
 * before the first screen has its rows, so their modules are not evaluated on the way to it (cold start, B6).
 */
function openWorkspace(session: Session): Promise<Workspace> {
  return import('../data/workspace').then((module) => module.openWorkspace(session));
}

/**
 * When RxDB's open starts (cold start, BENCHMARKS.md B6). With a snapshot to show, the first screen needs nothing
 * from the replica, and RxDB's open (schemas, a dozen collections: main-thread work) would otherwise run
 * between the first render and its paint: it starts once the snapshot's rows are on screen. The snapshot is
 * read synchronously before React's first render, which renders its rows, so that moment always comes.
 * Without one the open starts at once.
 */
export function whenToOpen(firstScreen: FirstScreen | null): Promise<void> {
  return firstScreen ? firstContentShown() : Promise.resolve();
}

/** The session this window started with (null: first run), as the early open read it. */
export function earlySession(): Session | null {
  return early?.session ?? null;
}

/** The first screen's snapshot this window started with (the early session's, on its route), if any. */
export function earlyFirstScreen(): FirstScreen | null {
  return early?.firstScreen ?? null;
}

/** The workspace of `session`: the one opening since start when it is that session, else a new open. */
export function openWorkspaceOf(session: Session): Promise<Workspace> {
  const taken = early;
  early = null;
  return taken?.session === session ? taken.workspace : openWorkspace(session);
}

/**
 * Cold start (BENCHMARKS.md B6): main.tsx imports this module first, so the saved session and its first screen's
 * snapshot are read, and the replica's open is scheduled, before React, Mantine and the pages are evaluated.
 * Taken once; a remount or another session opens anew.
 */
let early: {
  session: Session;
  firstScreen: FirstScreen | null;
  workspace: Promise<Workspace>;
} | null = (() => {
  const saved = loadSession();
  if (!saved) return null;
  const firstScreen = readFirstScreen(saved, routeOf(window.location.hash));
  if (firstScreen)
    performance.mark('crm:first-screen-snapshot', {
      detail: { rows: firstScreen.page.rows.length },
    });
  const workspace = whenToOpen(firstScreen).then(() => {
    performance.mark('crm:workspace-open-start');
    return openWorkspace(saved);
  });
  // Handled where it is taken (openWorkspaceOf's caller shows the failure).
  workspace.catch(() => undefined);
  return { session: saved, firstScreen, workspace };
})();
