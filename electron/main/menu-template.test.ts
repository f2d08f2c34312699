import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '@shared/ipc/contract';
import { buildMenuTemplate, type MenuTemplateInput } from './menu-template';

type Item = MenuItemConstructorOptions;

function build(overrides: Partial<MenuTemplateInput> = {}) {
  const commands: AppCommand[] = [];
  const routes: string[] = [];
  const template = buildMenuTemplate({
    language: 'zh-CN',
    platform: 'win32',
    isPackaged: true,
    actions: { command: (id) => commands.push(id), navigate: (route) => routes.push(route) },
    ...overrides,
  });
  return { template, commands, routes };
}

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...allItems(submenu(item))]);
}

function find(items: Item[], predicate: (item: Item) => boolean): Item {
  const found = allItems(items).find(predicate);
  if (!found) throw new Error('menu item not found');
  return found;
}

function click(item: Item): void {
  (item.click as (() => void) | undefined)?.();
}

describe('buildMenuTemplate', () => {
  it('has the usual top-level menus on Windows/Linux, in Chinese', () => {
    expect(build().template.map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '前往',
      '窗口',
      '帮助',
    ]);
  });

  it('starts with the app menu on macOS, and has no Help menu there', () => {
    const { template } = build({ platform: 'darwin', language: 'en' });
    expect(template.map((item) => item.label)).toEqual([
      'Field CRM',
      'File',
      'Edit',
      'View',
      'Go',
      'Window',
    ]);
    const roles = submenu(template[0])
      .map((item) => item.role)
      .filter(Boolean);
    expect(roles).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('labels every item (no empty labels) in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        for (const item of allItems(build({ language, platform, isPackaged: false }).template)) {
          if (item.type !== 'separator')
            expect(item.label?.trim(), JSON.stringify(item.role ?? item.id)).toBeTruthy();
        }
      }
    }
  });

  it('uses roles for the standard editing shortcuts', () => {
    const roles = allItems(build().template).map((item) => item.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'minimize',
      'quit',
    ]) {
      expect(roles).toContain(role);
    }
  });

  it.each([
    ['new-account', 'CmdOrCtrl+N'],
    ['search', 'CmdOrCtrl+K'],
    ['open-settings', 'CmdOrCtrl+,'],
    ['export-pdf', 'CmdOrCtrl+Shift+E'],
    ['print', 'CmdOrCtrl+P'],
  ] as const)('sends the %s command (%s)', (id, accelerator) => {
    const { template, commands } = build();
    const item = find(template, (candidate) => candidate.id === id);
    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(commands).toEqual([id]);
  });

  it('puts Settings in the app menu on macOS and in File elsewhere', () => {
    const mac = build({ platform: 'darwin' }).template;
    expect(submenu(mac[0]).some((item) => item.id === 'open-settings')).toBe(true);
    expect(submenu(mac[1]).some((item) => item.id === 'open-settings')).toBe(false);
    const win = build({ platform: 'win32' }).template;
    expect(submenu(win[0]).some((item) => item.id === 'open-settings')).toBe(true);
  });

  it('opens sections from the Go menu with Ctrl/Cmd+1…7', () => {
    const { template, routes } = build({ language: 'en' });
    const go = submenu(template.find((item) => item.label === 'Go'));
    expect(go.map((item) => [item.label, item.accelerator])).toEqual([
      ['My Day', 'CmdOrCtrl+1'],
      ['Accounts', 'CmdOrCtrl+2'],
      ['Contacts', 'CmdOrCtrl+3'],
      ['Leads', 'CmdOrCtrl+4'],
      ['Deals', 'CmdOrCtrl+5'],
      ['Contracts', 'CmdOrCtrl+6'],
      ['Tickets', 'CmdOrCtrl+7'],
    ]);
    for (const item of go) click(item);
    expect(routes).toEqual([
      '/',
      '/accounts',
      '/contacts',
      '/leads',
      '/deals',
      '/contracts',
      '/tickets',
    ]);
  });

  it('offers developer tools and reload only in development', () => {
    const roles = (isPackaged: boolean) =>
      allItems(build({ isPackaged }).template).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(false)).toContain('forceReload');
  });

  it('gives no two items the same accelerator', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const accelerators = allItems(build({ platform, isPackaged: false }).template)
        .map((item) => item.accelerator)
        .filter((accelerator): accelerator is string => typeof accelerator === 'string');
      // Settings appears once per platform; duplicates would make one shortcut do two things.
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
