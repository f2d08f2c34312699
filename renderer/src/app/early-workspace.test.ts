import { afterEach, describe, expect, it } from 'vitest';
import { waitBeforeOpen } from './early-workspace';
import { resetFirstScreenForTests, takeWarmRead } from './first-screen';
import { markFirstContent, resetStartupForTests } from './startup';
import { PAGE_SIZE } from '../hooks/page-size';

/**
 * How long RxDB's open waited, for a given warm read (the wait alone). The bounds tell which wait ended it (none,
 * the read, the rows on screen, a limit), with room for a busy machine; they are not speed targets.
 */
async function waited(warm: Promise<unknown> | undefined, during?: () => void): Promise<number> {
  if (warm) window.__crmFirstScreen = warm as Window['__crmFirstScreen'];
  takeWarmRead();
  const started = performance.now();
  const wait = waitBeforeOpen({ warmReadMs: 1000, firstContentMs: 2000 });
  during?.();
  await wait;
  return performance.now() - started;
}

const withRows = { pageSize: PAGE_SIZE, accounts: [{ id: 'acc-1', name: '公司1' }], members: [] };

afterEach(() => {
  delete window.__crmFirstScreen;
  resetFirstScreenForTests();
  resetStartupForTests();
});

describe('what the replica open waits for at start (early-workspace.ts)', () => {
  it('nothing when there is no warm read', async () => {
    expect(await waited(undefined)).toBeLessThan(500);
  });

  it('the warm read, but never longer than its limit when the read hangs', async () => {
    const elapsed = await waited(new Promise(() => undefined));
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(1900);
  });

  it('no more than the read when it has no rows (nothing will be shown from it)', async () => {
    expect(await waited(Promise.resolve({ ...withRows, accounts: [] }))).toBeLessThan(500);
    resetFirstScreenForTests();
    // Read for another page size: the list reads through the replica, which must not wait for it.
    expect(await waited(Promise.resolve({ ...withRows, pageSize: PAGE_SIZE / 2 }))).toBeLessThan(
      500,
    );
  });

  it('with rows, until they are on screen', async () => {
    const elapsed = await waited(Promise.resolve(withRows), () =>
      setTimeout(markFirstContent, 150),
    );
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1500);
  });

  it('with rows that never show (another screen), no longer than its limit', async () => {
    const elapsed = await waited(Promise.resolve(withRows));
    expect(elapsed).toBeGreaterThanOrEqual(1990);
  });
});
