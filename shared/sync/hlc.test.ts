import { describe, expect, it } from 'vitest';
import {
  clampStamp,
  compareStamps,
  decodeStamp,
  encodeStamp,
  HybridClock,
  isStamp,
  wallOf,
} from './hlc';

describe('stamps', () => {
  it('encode and decode, and compare as (wall, counter, node) by plain string order', () => {
    const a = encodeStamp({ wall: 1_700_000_000_000, counter: 2, node: 'laptop-a' });
    expect(decodeStamp(a)).toEqual({ wall: 1_700_000_000_000, counter: 2, node: 'laptop-a' });
    expect(isStamp(a)).toBe(true);
    const laterWall = encodeStamp({ wall: 1_700_000_000_001, counter: 0, node: 'a' });
    const laterCounter = encodeStamp({ wall: 1_700_000_000_000, counter: 10, node: 'a' });
    const sameButNodeB = encodeStamp({ wall: 1_700_000_000_000, counter: 2, node: 'laptop-b' });
    expect(compareStamps(a, laterWall)).toBeLessThan(0);
    expect(compareStamps(a, laterCounter)).toBeLessThan(0);
    // An exact tie is decided by the node, the same way on every device.
    expect(compareStamps(a, sameButNodeB)).toBeLessThan(0);
    expect(compareStamps(sameButNodeB, a)).toBeGreaterThan(0);
    expect(compareStamps(a, a)).toBe(0);
  });

  it('rejects text that is not a stamp and strips characters a node id may not hold', () => {
    expect(isStamp('2026-12-07')).toBe(false);
    expect(wallOf('nonsense')).toBe(0);
    expect(decodeStamp(encodeStamp({ wall: 5, counter: 0, node: 'a b/c' }))?.node).toBe('abc');
  });
});

describe('clampStamp', () => {
  const serverNow = 1_800_000_000_000;
  it('keeps a stamp within the bound and clamps one beyond it to server time + bound', () => {
    const near = encodeStamp({ wall: serverNow + 30_000, counter: 1, node: 'a' });
    expect(clampStamp(near, serverNow, 60_000)).toEqual({ stamp: near, clamped: false });
    const dayAhead = encodeStamp({ wall: serverNow + 86_400_000, counter: 1, node: 'a' });
    const clamped = clampStamp(dayAhead, serverNow, 60_000);
    expect(clamped.clamped).toBe(true);
    expect(decodeStamp(clamped.stamp)).toEqual({ wall: serverNow + 60_000, counter: 1, node: 'a' });
  });
});

describe('HybridClock', () => {
  it('never goes back and stamps after what it observed, even when the physical clock is behind', () => {
    let physical = 1_000;
    const clock = new HybridClock('device-1', () => physical);
    const first = clock.now();
    physical = 900; // the clock was set back
    const second = clock.now();
    expect(compareStamps(second, first)).toBeGreaterThan(0);
    clock.observe(encodeStamp({ wall: 5_000, counter: 3, node: 'server:x' }));
    const third = clock.now();
    expect(wallOf(third)).toBe(5_000);
    expect(decodeStamp(third)?.counter).toBe(4);
    physical = 6_000;
    expect(decodeStamp(clock.now())).toEqual({ wall: 6_000, counter: 0, node: 'device-1' });
  });

  it('resumes after a restart from its last stamp', () => {
    const before = new HybridClock('d', () => 10_000);
    before.now();
    const after = new HybridClock('d', () => 500, before.last);
    expect(compareStamps(after.now(), before.last)).toBeGreaterThan(0);
  });
});
