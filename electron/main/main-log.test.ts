import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSink, createLogger, formatLogLine } from './main-log';

const time = new Date('2025-03-01T08:00:00.000Z');

describe('formatLogLine', () => {
  it.each([
    [
      'info',
      'update check started',
      undefined,
      '2025-03-01T08:00:00.000Z [info] [updater] update check started\n',
    ],
    [
      'warn',
      'check failed',
      new Error('net::ERR_INTERNET_DISCONNECTED'),
      '2025-03-01T08:00:00.000Z [warn] [updater] check failed: Error: net::ERR_INTERNET_DISCONNECTED\n',
    ],
    [
      'info',
      { version: '1.2.0' },
      undefined,
      '2025-03-01T08:00:00.000Z [info] [updater] {"version":"1.2.0"}\n',
    ],
    ['info', 'two\nlines', undefined, '2025-03-01T08:00:00.000Z [info] [updater] two\n    lines\n'],
  ] as const)('%s %j', (level, message, detail, expected) => {
    expect(formatLogLine(time, level, 'updater', message, detail)).toBe(expected);
  });

  it('keeps stacks for errors only', () => {
    const error = new Error('boom');
    expect(formatLogLine(time, 'error', 'main', 'failed', error)).toContain('    at ');
    expect(formatLogLine(time, 'warn', 'main', 'failed', error)).not.toContain('    at ');
  });
});

describe('createLogger', () => {
  it('writes lines to the sink and never throws from it', () => {
    const lines: string[] = [];
    const logger = createLogger({
      scope: 'vault',
      sink: (line) => lines.push(line),
      toConsole: false,
      now: () => time,
    });
    logger.warn('keychain unavailable');
    expect(lines).toEqual(['2025-03-01T08:00:00.000Z [warn] [vault] keychain unavailable\n']);
    const broken = createLogger({
      scope: 'x',
      sink: () => {
        throw new Error('disk full');
      },
      toConsole: false,
    });
    expect(() => broken.error('still fine')).not.toThrow();
  });
});

describe('createFileSink', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'main-log-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends and rotates past the size limit', () => {
    const file = join(dir, 'logs', 'main.log');
    const sink = createFileSink(file, 50);
    sink('a'.repeat(30) + '\n');
    sink('b'.repeat(10) + '\n');
    expect(readFileSync(file, 'utf8')).toBe(`${'a'.repeat(30)}\n${'b'.repeat(10)}\n`);
    sink('c'.repeat(20) + '\n');
    expect(readFileSync(file, 'utf8')).toBe(`${'c'.repeat(20)}\n`);
    expect(existsSync(join(dir, 'logs', 'main.old.log'))).toBe(true);
  });
});
