import { z } from 'zod';
import { MEMBER_ROLES } from '@shared/domain';
import { clearFirstScreenSnapshot } from './first-screen-snapshot';

/**
 * Which workspace this window works in. Kept in localStorage: it holds no secret (tokens of a team
 * server never go here; see the sync issue). Parsed, never trusted: a damaged value means first run.
 */
export const sessionSchema = z.object({
  mode: z.enum(['local', 'team']),
  workspaceId: z.string().min(1),
  workspaceName: z.string(),
  userId: z.string().min(1),
  userName: z.string(),
  teamId: z.string(),
  /** Team workspaces: the sync server, the user's role and this device's id (tokens live in the vault). */
  serverUrl: z.string().optional(),
  role: z.enum(MEMBER_ROLES).optional(),
  deviceId: z.string().optional(),
  /** The name this device registered with (shown on what waits to sync "on which laptop"). */
  deviceName: z.string().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

const KEY = 'crm.session';

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(sessionSchema.parse(session)));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
  // The last screen's rows belong to the workspace left (first-screen-snapshot.ts).
  clearFirstScreenSnapshot();
}

/** One replica per workspace (and per user in team workspaces, so two people never share a replica). */
export function databaseNameFor(session: Session): string {
  const name =
    session.mode === 'team'
      ? `crm-${session.workspaceId}-${session.userId}`
      : `crm-${session.workspaceId}`;
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}
