import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ALL_IPC_CHANNELS,
  BRIDGE_CHANNELS,
  type BridgeMatchesContract,
  type CrmBridge,
  IPC_CHANNELS,
  ipcContract,
} from './contract';

describe('IPC contract', () => {
  it('names every channel namespace:verb', () => {
    for (const channel of ALL_IPC_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(?:-[a-z]+)*$/);
  });

  it('has schemas for every channel and a channel for every bridge function', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...ALL_IPC_CHANNELS].sort());
    expect(new Set(Object.values(BRIDGE_CHANNELS))).toEqual(new Set(ALL_IPC_CHANNELS));
  });

  it('types every bridge function exactly as its channel', () => {
    expectTypeOf<BridgeMatchesContract>().toEqualTypeOf<true>();
    expectTypeOf<keyof typeof BRIDGE_CHANNELS>().toEqualTypeOf<keyof CrmBridge>();
  });

  it('validates app info', () => {
    const { result } = ipcContract[IPC_CHANNELS.appGetInfo];
    expect(result.safeParse({ version: '0.1.0', platform: 'win32', isPackaged: true }).success).toBe(true);
    expect(result.safeParse({ version: '0.1.0', platform: 'web', isPackaged: false }).success).toBe(true);
    expect(result.safeParse({ version: '0.1.0', platform: 'amiga', isPackaged: false }).success).toBe(false);
    expect(result.safeParse({ version: '', platform: 'linux', isPackaged: false }).success).toBe(false);
  });

  it('validates notification arguments', () => {
    const { args } = ipcContract[IPC_CHANNELS.notifyShow];
    expect(args.safeParse([{ title: '新线索', body: '华东区新增 3 条线索' }]).success).toBe(true);
    expect(args.safeParse([{ title: '   ', body: '' }]).success).toBe(false);
    expect(args.safeParse([{ title: 'x' }]).success).toBe(false);
    expect(args.safeParse([{ title: 'x', body: 'y' }, 'extra']).success).toBe(false);
    expect(args.safeParse([]).success).toBe(false);
  });

  it('validates open-external arguments', () => {
    const { args } = ipcContract[IPC_CHANNELS.shellOpenExternal];
    expect(args.safeParse(['https://example.com']).success).toBe(true);
    expect(args.safeParse([42]).success).toBe(false);
    expect(args.safeParse(['']).success).toBe(false);
  });

  it('accepts only known failure reasons', () => {
    const { result } = ipcContract[IPC_CHANNELS.shellOpenExternal];
    expect(result.safeParse({ ok: true }).success).toBe(true);
    expect(result.safeParse({ ok: false, reason: 'blocked-url' }).success).toBe(true);
    expect(result.safeParse({ ok: false, reason: 'because' }).success).toBe(false);
  });
});
