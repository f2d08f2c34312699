import { z } from 'zod';
import { loadSession, type Session } from './session';
import { openWorkspace, type Workspace } from './workspace';

// zod probes `new Function` once to decide on JIT parsing; the strict CSP forbids eval, so say so up front
// (here: this module is evaluated before anything parses).
z.config({ jitless: true });

/**
 * Cold start (handbook B6): main.tsx imports this module first, so the saved session's replica starts
 * opening before React, Mantine and the pages are evaluated; IndexedDB then works in the browser process
 * while the main thread evaluates the rest of the bundle. Taken once; a remount or another session opens anew.
 */
let early: { session: Session; workspace: Promise<Workspace> } | null = (() => {
  const saved = loadSession();
  if (!saved) return null;
  performance.mark('crm:workspace-open-start');
  const workspace = openWorkspace(saved);
  workspace.catch(() => undefined);
  return { session: saved, workspace };
})();

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
