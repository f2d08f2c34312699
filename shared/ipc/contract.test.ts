import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ALL_IPC_CHANNELS,
  APP_COMMANDS,
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  type BridgeMatchesContract,
  type CrmBridge,
  IPC_CHANNELS,
  IPC_EVENTS,
  ipcContract,
  ipcEventContract,
  TOKEN_MAX,
} from './contract';

describe('IPC contract', () => {
  it('names every channel and event namespace:verb', () => {
    for (const channel of [...ALL_IPC_CHANNELS, ...Object.values(IPC_EVENTS)]) {
      expect(channel).toMatch(/^[a-z]+:[a-z]+(?:-[a-z]+)*$/);
    }
  });

  it('has schemas for every channel and a channel for every bridge function', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...ALL_IPC_CHANNELS].sort());
    expect(new Set(Object.values(BRIDGE_CHANNELS))).toEqual(new Set(ALL_IPC_CHANNELS));
    expect(Object.keys(ipcEventContract).sort()).toEqual(Object.values(IPC_EVENTS).sort());
    expect(new Set(Object.values(BRIDGE_EVENTS))).toEqual(new Set(Object.values(IPC_EVENTS)));
  });

  it('never uses one name for a call and an event', () => {
    const events: string[] = Object.values(IPC_EVENTS);
    for (const channel of ALL_IPC_CHANNELS) expect(events).not.toContain(channel);
  });

  it('types every bridge function exactly as its channel or event', () => {
    expectTypeOf<BridgeMatchesContract>().toEqualTypeOf<true>();
    expectTypeOf<keyof typeof BRIDGE_CHANNELS | keyof typeof BRIDGE_EVENTS>().toEqualTypeOf<
      keyof CrmBridge
    >();
  });

  it('validates app info', () => {
    const { result } = ipcContract[IPC_CHANNELS.appGetInfo];
    expect(
      result.safeParse({ version: '0.1.0', platform: 'win32', isPackaged: true }).success,
    ).toBe(true);
    expect(result.safeParse({ version: '0.1.0', platform: 'web', isPackaged: false }).success).toBe(
      true,
    );
    expect(
      result.safeParse({ version: '0.1.0', platform: 'amiga', isPackaged: false }).success,
    ).toBe(false);
    expect(result.safeParse({ version: '', platform: 'linux', isPackaged: false }).success).toBe(
      false,
    );
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

describe('new desktop channels', () => {
  const cases: [string, keyof typeof ipcContract, unknown[], boolean][] = [
    [
      'a reminder with a record route',
      IPC_CHANNELS.notifyReminder,
      [{ title: '回访', body: '明天 10:00', route: '/accounts/acc-1' }],
      true,
    ],
    [
      'a reminder with a section route',
      IPC_CHANNELS.notifyReminder,
      [{ title: '今日待办', body: '', route: '/' }],
      true,
    ],
    ['a reminder without a route', IPC_CHANNELS.notifyReminder, [{ title: 'x', body: 'y' }], false],
    [
      'a reminder with an outside URL',
      IPC_CHANNELS.notifyReminder,
      [{ title: 'x', body: 'y', route: 'https://evil.example/' }],
      false,
    ],
    [
      'a reminder with a traversal route',
      IPC_CHANNELS.notifyReminder,
      [{ title: 'x', body: 'y', route: '/accounts/../settings' }],
      false,
    ],
    [
      'a token key and token',
      IPC_CHANNELS.vaultSetToken,
      ['sync:https://crm.example.com', 'eyJhbGciOi.x.y'],
      true,
    ],
    ['an empty token', IPC_CHANNELS.vaultSetToken, ['sync', ''], false],
    [
      'a token that is too long',
      IPC_CHANNELS.vaultSetToken,
      ['sync', 'x'.repeat(TOKEN_MAX + 1)],
      false,
    ],
    ['a token without a key', IPC_CHANNELS.vaultSetToken, ['eyJ'], false],
    ['a key with spaces', IPC_CHANNELS.vaultGetToken, ['my key'], false],
    ['a key with non-ASCII', IPC_CHANNELS.vaultGetToken, ['令牌'], false],
    ['the __proto__ key', IPC_CHANNELS.vaultGetToken, ['__proto__'], false],
    ['an empty key', IPC_CHANNELS.vaultDeleteToken, [''], false],
    ['clear with no arguments', IPC_CHANNELS.vaultClear, [], true],
    ['clear with a key', IPC_CHANNELS.vaultClear, ['sync'], false],
    [
      'a sync state',
      IPC_CHANNELS.traySetSyncState,
      [{ state: 'syncing', pendingChanges: 3 }],
      true,
    ],
    [
      'a sync state without a count',
      IPC_CHANNELS.traySetSyncState,
      [{ state: 'local-only' }],
      true,
    ],
    ['an unknown sync state', IPC_CHANNELS.traySetSyncState, [{ state: 'happy' }], false],
    [
      'a negative count',
      IPC_CHANNELS.traySetSyncState,
      [{ state: 'synced', pendingChanges: -1 }],
      false,
    ],
    ['a PDF name', IPC_CHANNELS.exportPdf, [{ suggestedName: '华东电力-客户计划' }], true],
    [
      'a landscape PDF',
      IPC_CHANNELS.exportPdf,
      [{ suggestedName: 'Quote Q-1', landscape: true }],
      true,
    ],
    ['a blank PDF name', IPC_CHANNELS.exportPdf, [{ suggestedName: '  ' }], false],
    ['a language', IPC_CHANNELS.appSetLanguage, ['en'], true],
    ['an unknown language', IPC_CHANNELS.appSetLanguage, ['fr'], false],
    ['take-pending-route', IPC_CHANNELS.appTakePendingRoute, [], true],
  ];
  it.each(cases)('%s → %s', (_name, channel, args, valid) => {
    expect(ipcContract[channel].args.safeParse(args).success).toBe(valid);
  });

  it('only returns app routes as the pending route', () => {
    const { result } = ipcContract[IPC_CHANNELS.appTakePendingRoute];
    expect(result.safeParse(null).success).toBe(true);
    expect(result.safeParse('/deals/d-1').success).toBe(true);
    expect(result.safeParse('javascript:alert(1)').success).toBe(false);
  });

  it('reads a token, no token, or a failure', () => {
    const { result } = ipcContract[IPC_CHANNELS.vaultGetToken];
    expect(result.safeParse({ ok: true, token: 'abc' }).success).toBe(true);
    expect(result.safeParse({ ok: true, token: null }).success).toBe(true);
    expect(result.safeParse({ ok: false, reason: 'unsupported' }).success).toBe(true);
    expect(result.safeParse({ ok: true }).success).toBe(false);
  });

  it('reports the PDF outcome', () => {
    const { result } = ipcContract[IPC_CHANNELS.exportPdf];
    for (const outcome of ['saved', 'cancelled', 'print-dialog'])
      expect(result.safeParse({ ok: true, outcome }).success).toBe(true);
    expect(result.safeParse({ ok: true, outcome: 'emailed' }).success).toBe(false);
  });

  it('validates event payloads', () => {
    expect(ipcEventContract[IPC_EVENTS.navigate].safeParse('/tickets/t-1').success).toBe(true);
    expect(ipcEventContract[IPC_EVENTS.navigate].safeParse('file:///etc/passwd').success).toBe(
      false,
    );
    for (const command of APP_COMMANDS)
      expect(ipcEventContract[IPC_EVENTS.command].safeParse(command).success).toBe(true);
    expect(ipcEventContract[IPC_EVENTS.command].safeParse('format-disk').success).toBe(false);
  });
});
