/**
 * A small seeded PRNG for sample data. Deterministic on every platform (32-bit integer arithmetic only), so
 * the same seed gives the same data in the browser, in Node and on the server. Never use Math.random here.
 *
 * The generator derives one stream per record (`hashSeed(seed, stream, index)`), so record N can be built
 * without building records 0…N-1 first (random access, streaming of large sets).
 */

/** Mixes 32-bit integers into one well-spread 32-bit seed (murmur3 finalizer per part). */
export function hashSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x6d2b79f5) | 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** A float in [0, 1) from a 32-bit hash, for one-off decisions that need no stream. */
export function unitFloat(hash: number): number {
  return (hash >>> 0) / 4294967296;
}

/** 32-bit FNV-1a of a string, to turn stream names into numbers once at start-up. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Cumulative weights for `Random.weighted`; build once per list, pick many times. */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

/** Builds a weighted table from [item, weight] pairs (weights ≥ 0, at least one > 0). */
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([item, weight], i) => {
    if (!(weight >= 0)) throw new RangeError(`negative or invalid weight for item ${i}`);
    total += weight;
    items.push(item);
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('weighted table needs a positive total weight');
  return { items, cumulative, total };
}

/** mulberry32: one 32-bit state word, fast and good enough for test data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element of a weighted table. */
  weighted<T>(table: WeightedTable<T>): T {
    const target = this.next() * table.total;
    const cum = table.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo];
  }

  /** An integer epoch-ms time in [from, to]; `from` when the range is empty. */
  timeBetween(from: number, to: number): number {
    if (to <= from) return Math.round(from);
    return Math.round(from + this.next() * (to - from));
  }

  /**
   * A time in [from, to] skewed towards `to` (recent) when `skew` > 1: CRM data piles up near "now"
   * (more recent activity, growing customer base).
   */
  recentTimeBetween(from: number, to: number, skew = 2): number {
    if (to <= from) return Math.round(from);
    return Math.round(to - Math.pow(this.next(), skew) * (to - from));
  }

  /** `count` random decimal digits as a string. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A random string of `count` characters from `alphabet`. */
  chars(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++)
      out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }
}
