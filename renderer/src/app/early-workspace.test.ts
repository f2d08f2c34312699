import { afterEach, describe, expect, it } from 'vitest';
import { whenToOpen } from './early-workspace';
import { markFirstContent, resetStartupForTests } from '../platform/startup';
import type { FirstScreen } from '../data/first-screen-snapshot';

const screen: FirstScreen = { page: { rows: [], next: null }, users: [] };

afterEach(() => resetStartupForTests());

describe('when the replica opens at start (early-workspace.ts)', () => {
  it('at once when there is no snapshot to show', async () => {
    await expect(whenToOpen(null)).resolves.toBeUndefined();
  });

  it('with a snapshot, once its rows are on screen (and not before)', async () => {
    let opened = false;
    const open = whenToOpen(screen).then(() => (opened = true));
    // The positive signal: an open that did not wait would have started by the time this one has.
    await whenToOpen(null);
    expect(opened).toBe(false);
    markFirstContent();
    await open;
    expect(opened).toBe(true);
  });
});
