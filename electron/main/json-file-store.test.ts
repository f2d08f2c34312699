import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFileStore } from './json-file-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'json-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createJsonFileStore', () => {
  it('reads undefined when nothing was written', () => {
    expect(createJsonFileStore(join(dir, 'state.json')).read()).toBeUndefined();
  });

  it('writes and reads back, creating the folder, leaving no temporary file', () => {
    const path = join(dir, 'nested', 'state.json');
    const store = createJsonFileStore(path);
    store.write({ width: 1280, language: 'en' });
    expect(store.read()).toEqual({ width: 1280, language: 'en' });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ width: 1280, language: 'en' });
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only', () => {
    const path = join(dir, 'state.json');
    createJsonFileStore(path).write({});
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('treats a damaged file as missing', () => {
    const path = join(dir, 'state.json');
    writeFileSync(path, '{"width": 12');
    expect(createJsonFileStore(path).read()).toBeUndefined();
  });

  it('throws when it cannot write (the caller logs it)', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(() => createJsonFileStore(join(blocker, 'state.json')).write({})).toThrow();
  });
});
