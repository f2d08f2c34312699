import { z } from 'zod';
import {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  HybridClock,
  stampSchema,
  wallOf,
  type Stamp,
} from '@shared/sync';
import type { KeyValueStore } from './key-value-store';

const storedClockSchema = z.object({ last: stampSchema, offset: z.number() });

/**
 * This device's stamp clock (shared/sync/hlc.ts, issue 15 "the later edit wins"): a hybrid logical clock whose
 * node is the device id and whose wall time is the local clock corrected by the offset to the server's clock.
 *
 * - The offset is measured whenever the server sends its clock (welcome, pull and push replies): server wall −
 *   local now. A laptop whose clock is a day fast stamps in server time after it connected once.
 * - The last stamp and the offset are persisted, so a restart never stamps earlier than before (a hybrid clock
 *   only moves forward) and an offline start keeps the last correction.
 * - A last stamp further ahead of the server than the default skew bound came from a wrong clock (stamped before
 *   the offset was known): it is forgotten when the server's clock is seen, or every later edit would inherit
 *   that lead. The server clamps such stamps anyway (hlc.ts clampStamp), so nothing it stored depends on them.
 */
export class DeviceClock {
  private clock: HybridClock;
  private offsetMs: number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly node: string,
    private readonly localNow: () => number,
  ) {
    const saved = storedClockSchema.safeParse(parseJson(store.get(key)));
    this.offsetMs = saved.success ? saved.data.offset : 0;
    this.clock = new HybridClock(
      node,
      () => this.wallNow(),
      saved.success ? saved.data.last : null,
    );
  }

  /** The local clock corrected by the last measured offset (epoch ms). */
  wallNow(): number {
    return this.localNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** A stamp for a local edit made now, later than every stamp given or observed before. */
  stamp(): Stamp {
    const stamp = this.clock.now();
    this.save();
    return stamp;
  }

  /** The last stamp given or observed (writes stamped later were made after this moment). */
  get last(): Stamp {
    return this.clock.last;
  }

  /** The server's clock, as sent with welcome and replies: corrects the offset and moves the clock past it. */
  observeServer(serverClock: Stamp): void {
    const serverWall = wallOf(serverClock);
    if (serverWall <= 0) return;
    this.offsetMs = serverWall - this.localNow();
    if (wallOf(this.clock.last) > serverWall + DEFAULT_MAX_CLOCK_SKEW_MS)
      this.clock = new HybridClock(this.node, () => this.wallNow(), serverClock);
    else this.clock.observe(serverClock);
    this.save();
  }

  private save(): void {
    this.store.set(this.key, JSON.stringify({ last: this.clock.last, offset: this.offsetMs }));
  }
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
