import { z } from 'zod';

/**
 * Hybrid logical clock stamps (sync/README.md "The merge rule"): when an edit of a field was made, comparable
 * across devices. A stamp is `<wall>-<counter>-<node>`: wall = epoch milliseconds (15 digits, zero-padded),
 * counter = edits within that millisecond or after the clock stood still (4 digits), node = the device (or
 * server) that made it. Padded so that comparing two stamps as strings compares (wall, counter, node): the node
 * breaks exact ties, so every device decides a tie the same way.
 *
 * A device's wall time is its own clock corrected by the offset to the server's clock measured at its last
 * connection; the server never stores a stamp later than its own clock plus the skew bound (`clampStamp`), so a
 * laptop whose clock is wrong cannot win a conflict by more than that bound.
 */
export type Stamp = string;

export const STAMP_PATTERN = /^\d{15}-\d{4}-[A-Za-z0-9:_.-]{1,80}$/;
export const stampSchema = z.string().regex(STAMP_PATTERN);

/** Default bound on how far ahead of the server's clock a stored stamp may be (server option, README). */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 60_000;
const MAX_COUNTER = 9999;
const MAX_WALL = 8_640_000_000_000;

export interface StampParts {
  wall: number;
  counter: number;
  node: string;
}

/** Node ids are device ids (UUIDs) or `server:<name>`; anything else is reduced to the allowed characters. */
export function stampNode(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9:_.-]/g, '').slice(0, 80);
  return cleaned.length > 0 ? cleaned : 'unknown';
}

export function encodeStamp({ wall, counter, node }: StampParts): Stamp {
  const w = Math.min(MAX_WALL, Math.max(0, Math.floor(wall)));
  const c = Math.min(MAX_COUNTER, Math.max(0, Math.floor(counter)));
  return `${String(w).padStart(15, '0')}-${String(c).padStart(4, '0')}-${stampNode(node)}`;
}

export function decodeStamp(stamp: string): StampParts | null {
  if (!STAMP_PATTERN.test(stamp)) return null;
  return {
    wall: Number(stamp.slice(0, 15)),
    counter: Number(stamp.slice(16, 20)),
    node: stamp.slice(21),
  };
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value);
}

/** Epoch milliseconds of a stamp (0 for something that is not one). */
export function wallOf(stamp: Stamp): number {
  return decodeStamp(stamp)?.wall ?? 0;
}

/** Negative when `a` is earlier, positive when later, 0 only for the same stamp. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterStamp(a: Stamp, b: Stamp): Stamp {
  return compareStamps(a, b) >= 0 ? a : b;
}

/**
 * The stamp the server stores for an edit stamped `stamp` that it received at `serverNow`: the same, unless it
 * claims a time later than the server's clock plus `maxSkewMs`, then that limit (keeping its node, so ties stay
 * deterministic). `clamped` says whether the device's clock was beyond the bound.
 */
export function clampStamp(
  stamp: Stamp,
  serverNow: number,
  maxSkewMs: number,
): { stamp: Stamp; clamped: boolean } {
  const parts = decodeStamp(stamp);
  const limit = serverNow + maxSkewMs;
  if (!parts)
    return { stamp: encodeStamp({ wall: serverNow, counter: 0, node: 'unknown' }), clamped: true };
  if (parts.wall <= limit) return { stamp, clamped: false };
  return {
    stamp: encodeStamp({ wall: limit, counter: parts.counter, node: parts.node }),
    clamped: true,
  };
}

/**
 * A hybrid logical clock for one node. `now()` gives a stamp later than every stamp it gave or observed before,
 * close to the physical clock; `observe()` takes in a stamp seen from elsewhere (the server's clock), so an edit
 * made after seeing a value is always stamped later than that value.
 */
export class HybridClock {
  private wall = 0;
  private counter = 0;
  private readonly node: string;

  constructor(
    node: string,
    private readonly physical: () => number,
    last?: Stamp | null,
  ) {
    this.node = stampNode(node);
    if (last) this.observe(last);
  }

  now(): Stamp {
    const physical = Math.floor(this.physical());
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      this.wall += 1;
      this.counter = 0;
    }
    return encodeStamp({ wall: this.wall, counter: this.counter, node: this.node });
  }

  observe(remote: Stamp): void {
    const parts = decodeStamp(remote);
    if (!parts) return;
    if (parts.wall > this.wall || (parts.wall === this.wall && parts.counter > this.counter)) {
      this.wall = parts.wall;
      this.counter = parts.counter;
    }
  }

  /** The last stamp given or observed (to persist between runs). */
  get last(): Stamp {
    return encodeStamp({ wall: this.wall, counter: this.counter, node: this.node });
  }
}
