import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, AppLanguage } from '@shared/ipc/contract';
import type { SectionRoute } from '@shared/ipc/app-routes';
import { mainTexts } from './main-i18n';

/**
 * The application menu in the UI language. Standard items use Electron roles (so they get the platform's
 * shortcuts and behaviour: copy/paste, undo, zoom, hide, quit) with our translated labels; app items send a
 * command or a route to the page. Only a type is imported from `electron`, so tests build the template in Node.
 */

export interface MenuActions {
  command: (command: AppCommand) => void;
  navigate: (route: SectionRoute) => void;
}

export interface MenuTemplateInput {
  language: AppLanguage;
  platform: NodeJS.Platform;
  /** Developer tools and reload are offered in development runs only. */
  isPackaged: boolean;
  actions: MenuActions;
}

/** The Go menu: sections in the order of the sidebar, with Ctrl/Cmd+1…7. */
const GO_ITEMS = [
  ['myDay', '/'],
  ['accounts', '/accounts'],
  ['contacts', '/contacts'],
  ['leads', '/leads'],
  ['deals', '/deals'],
  ['contracts', '/contracts'],
  ['tickets', '/tickets'],
] as const satisfies readonly (readonly [string, SectionRoute])[];

export function buildMenuTemplate({
  language,
  platform,
  isPackaged,
  actions,
}: MenuTemplateInput): MenuItemConstructorOptions[] {
  const t = mainTexts(language).menu;
  const isMac = platform === 'darwin';
  const command = (id: AppCommand) => () => actions.command(id);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const settings: MenuItemConstructorOptions = {
    id: 'open-settings',
    label: t.settings,
    accelerator: 'CmdOrCtrl+,',
    click: command('open-settings'),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: t.app,
    submenu: [
      { role: 'about', label: t.about },
      separator,
      settings,
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      {
        id: 'new-account',
        label: t.newAccount,
        accelerator: 'CmdOrCtrl+N',
        click: command('new-account'),
      },
      separator,
      {
        id: 'export-pdf',
        label: t.exportPdf,
        accelerator: 'CmdOrCtrl+Shift+E',
        click: command('export-pdf'),
      },
      { id: 'print', label: t.print, accelerator: 'CmdOrCtrl+P', click: command('print') },
      separator,
      ...(isMac
        ? [{ role: 'close', label: t.close } as const]
        : [settings, separator, { role: 'quit', label: t.quit } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      ...(isMac ? [{ role: 'pasteAndMatchStyle', label: t.pasteAndMatchStyle } as const] : []),
      { role: 'delete', label: t.delete },
      separator,
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload', label: t.reload },
        { role: 'forceReload', label: t.forceReload },
        { role: 'toggleDevTools', label: t.toggleDevTools },
        separator,
      ];

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { id: 'search', label: t.search, accelerator: 'CmdOrCtrl+K', click: command('search') },
      separator,
      ...developerItems,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: t.go,
    submenu: GO_ITEMS.map(([key, route], index) => ({
      id: `go:${route}`,
      label: t[key],
      accelerator: `CmdOrCtrl+${index + 1}`,
      click: () => actions.navigate(route),
    })),
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: isMac
      ? [
          { role: 'minimize', label: t.minimize },
          { role: 'zoom', label: t.zoom },
          separator,
          { role: 'front', label: t.front },
          separator,
          // macOS lists the open windows here.
          { role: 'window', label: t.window },
        ]
      : [
          { role: 'minimize', label: t.minimize },
          { role: 'close', label: t.close },
        ],
  };

  // macOS has "About" in the app menu; elsewhere it lives under Help.
  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [{ role: 'about', label: t.about }],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    goMenu,
    windowMenu,
    ...(isMac ? [] : [helpMenu]),
  ];
}
