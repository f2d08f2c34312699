import { isIP } from 'node:net';
import type { WorkspaceCreationMode } from '../config';

/** Who asks to create a workspace: nobody signed in (from this machine or not), or a signed-in person's role. */
export type CreationCaller =
  { kind: 'anonymous'; fromThisMachine: boolean } | { kind: 'signed-in'; admin: boolean };

/**
 * Whether `caller` may create a workspace under the server's setting (config.ts WORKSPACE_CREATION_MODES).
 * Decided from the setting, the caller and whether any workspace exists: never from the e-mail asked for, so
 * a refusal tells nobody whether an address is registered.
 */
export function mayCreateWorkspace(
  mode: WorkspaceCreationMode,
  caller: CreationCaller,
  workspacesExist: boolean,
): boolean {
  if (mode === 'open') return true;
  if (caller.kind === 'signed-in') return caller.admin;
  if (workspacesExist) return false;
  return mode === 'first' || caller.fromThisMachine;
}

/** A loopback address (127.0.0.0/8, ::1, or IPv4 mapped into IPv6): the request came from the server's machine. */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}
