import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, mayCreateWorkspace, type CreationCaller } from './workspace-creation';

const stranger: CreationCaller = { kind: 'anonymous', fromThisMachine: false };
const local: CreationCaller = { kind: 'anonymous', fromThisMachine: true };
const admin: CreationCaller = { kind: 'signed-in', admin: true };
const rep: CreationCaller = { kind: 'signed-in', admin: false };

describe('who may create a workspace', () => {
  it.each([
    // mode, caller, workspaces exist, allowed
    ['first', stranger, false, true],
    ['first', stranger, true, false],
    ['first', local, true, false],
    ['first', admin, true, true],
    ['first', rep, true, false],
    ['admin', stranger, false, false],
    ['admin', local, false, true],
    ['admin', local, true, false],
    ['admin', admin, true, true],
    ['admin', rep, false, false],
    ['open', stranger, true, true],
    ['open', rep, true, true],
  ] as const)('%s: %o, workspaces exist %s → %s', (mode, caller, exist, allowed) => {
    expect(mayCreateWorkspace(mode, caller, exist)).toBe(allowed);
  });

  it('counts only loopback addresses as this machine', () => {
    for (const address of ['127.0.0.1', '127.8.0.2', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:10.0.0.1', '::2', '', 'localhost', '128.0.0.1'])
      expect(isLoopbackAddress(address)).toBe(false);
  });
});
