import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CLOCK_SKEW_MS, encodeStamp, wallOf } from '@shared/sync';
import { DeviceClock } from './device-clock';
import type { KeyValueStore } from './key-value-store';

const KEY = 'crm.sync.clock.ws:user';
const DAY = 24 * 60 * 60 * 1000;
const T = 1_750_000_000_000;

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

const server = (wall: number) => encodeStamp({ wall, counter: 0, node: 'server:n1' });

describe('DeviceClock', () => {
  it('stamps with the local clock until it has seen the server, then in server time', () => {
    let local = T + DAY;
    const clock = new DeviceClock(memoryStore(), KEY, 'laptop-b', () => local);
    expect(wallOf(clock.stamp())).toBe(T + DAY);
    clock.observeServer(server(T));
    expect(clock.offset).toBe(-DAY);
    local += 5_000;
    // The day-fast stamp before the connection is forgotten: later edits are stamped in server time.
    expect(wallOf(clock.stamp())).toBe(T + 5_000);
  });

  it('never goes back within the skew bound and orders stamps of one millisecond by counter', () => {
    const clock = new DeviceClock(memoryStore(), KEY, 'laptop-a', () => T);
    const a = clock.stamp();
    clock.observeServer(server(T - 10));
    const b = clock.stamp();
    const c = clock.stamp();
    expect(a < b && b < c).toBe(true);
    // A server a little ahead (within the bound): the clock moves past it.
    clock.observeServer(server(T + DEFAULT_MAX_CLOCK_SKEW_MS / 2));
    expect(wallOf(clock.stamp())).toBeGreaterThanOrEqual(T + DEFAULT_MAX_CLOCK_SKEW_MS / 2);
  });

  it('keeps the offset and the last stamp across a restart', () => {
    const store = memoryStore();
    let local = T;
    const first = new DeviceClock(store, KEY, 'laptop-a', () => local);
    first.observeServer(server(T + 1_000));
    const last = first.stamp();
    local = T - 60_000; // the laptop's clock was set back while the app was closed
    const again = new DeviceClock(store, KEY, 'laptop-a', () => local);
    expect(again.offset).toBe(1_000);
    expect(again.stamp() > last).toBe(true);
  });
});
