import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  emitAppCommand,
  PENDING_COMMAND_TTL_MS,
  resetAppCommands,
  subscribeAppCommand,
} from './app-commands';

afterEach(resetAppCommands);

describe('app commands', () => {
  it('runs subscribed handlers and reports that the command was handled', () => {
    const handler = vi.fn();
    const stop = subscribeAppCommand('new-account', handler);
    expect(emitAppCommand('new-account')).toBe(true);
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
    expect(emitAppCommand('new-account')).toBe(false);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('keeps an unhandled command for the next subscriber when asked to, once', () => {
    expect(emitAppCommand('new-account', { keepIfUnhandled: true, now: 1_000 })).toBe(false);
    const first = vi.fn();
    const second = vi.fn();
    subscribeAppCommand('new-account', first, 1_500);
    subscribeAppCommand('new-account', second, 1_600);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  it('drops a kept command that is too old, or of another kind', () => {
    emitAppCommand('new-account', { keepIfUnhandled: true, now: 0 });
    const late = vi.fn();
    subscribeAppCommand('new-account', late, PENDING_COMMAND_TTL_MS + 1);
    expect(late).not.toHaveBeenCalled();
    emitAppCommand('new-account', { keepIfUnhandled: true, now: 0 });
    const other = vi.fn();
    subscribeAppCommand('search', other, 1);
    expect(other).not.toHaveBeenCalled();
  });

  it('does not keep commands unless asked', () => {
    emitAppCommand('export-pdf');
    const handler = vi.fn();
    subscribeAppCommand('export-pdf', handler);
    expect(handler).not.toHaveBeenCalled();
  });
});
