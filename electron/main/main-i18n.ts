import { type AppLanguage, appLanguageSchema, type SyncState } from '@shared/ipc/contract';

/**
 * Texts the main process shows itself — the application menu, the tray, dialogs (CONVENTIONS.md 11: zh-CN
 * first, English second). The renderer tells the main process its language (`app:set-language`); until it
 * does, the language saved from the last run is used.
 */
export interface MainTexts {
  menu: {
    app: string;
    file: string;
    edit: string;
    view: string;
    go: string;
    window: string;
    help: string;
    about: string;
    settings: string;
    services: string;
    hide: string;
    hideOthers: string;
    unhide: string;
    quit: string;
    newAccount: string;
    exportPdf: string;
    print: string;
    close: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    pasteAndMatchStyle: string;
    delete: string;
    selectAll: string;
    search: string;
    reload: string;
    forceReload: string;
    toggleDevTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    toggleFullScreen: string;
    myDay: string;
    accounts: string;
    contacts: string;
    leads: string;
    deals: string;
    contracts: string;
    tickets: string;
    minimize: string;
    zoom: string;
    front: string;
  };
  tray: {
    open: string;
    quit: string;
    states: Record<SyncState, string>;
    /** `{count}` is replaced by the number of local changes waiting for upload. */
    pending: string;
  };
  pdf: { dialogTitle: string; filterName: string };
  update: {
    title: string;
    /** `{version}` is replaced by the downloaded version. */
    message: string;
    detail: string;
    restartNow: string;
    later: string;
  };
}

export const MAIN_TEXTS: Readonly<Record<AppLanguage, MainTexts>> = {
  'zh-CN': {
    menu: {
      app: 'Field CRM',
      file: '文件',
      edit: '编辑',
      view: '视图',
      go: '前往',
      window: '窗口',
      help: '帮助',
      about: '关于 Field CRM',
      settings: '设置…',
      services: '服务',
      hide: '隐藏 Field CRM',
      hideOthers: '隐藏其他',
      unhide: '全部显示',
      quit: '退出 Field CRM',
      newAccount: '新建客户',
      exportPdf: '导出为 PDF…',
      print: '打印…',
      close: '关闭窗口',
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      pasteAndMatchStyle: '粘贴并匹配样式',
      delete: '删除',
      selectAll: '全选',
      search: '搜索…',
      reload: '重新加载',
      forceReload: '强制重新加载',
      toggleDevTools: '开发者工具',
      resetZoom: '实际大小',
      zoomIn: '放大',
      zoomOut: '缩小',
      toggleFullScreen: '全屏',
      myDay: '我的一天',
      accounts: '客户',
      contacts: '联系人',
      leads: '线索',
      deals: '商机',
      contracts: '合同',
      tickets: '工单',
      minimize: '最小化',
      zoom: '缩放',
      front: '前置全部窗口',
    },
    tray: {
      open: '打开 Field CRM',
      quit: '退出',
      states: {
        'local-only': '仅本机（未连接团队服务器）',
        offline: '离线：更改保存在本机，联网后同步',
        syncing: '正在同步…',
        synced: '已同步',
        error: '同步出错，请打开应用查看',
      },
      pending: '{count} 项更改待上传',
    },
    pdf: { dialogTitle: '导出为 PDF', filterName: 'PDF 文档' },
    update: {
      title: '软件更新',
      message: 'Field CRM {version} 已下载完成',
      detail:
        '重新启动即可完成更新。你的数据保存在本机，不会丢失。也可以稍后再说，退出应用时会自动安装。',
      restartNow: '立即重新启动',
      later: '稍后',
    },
  },
  en: {
    menu: {
      app: 'Field CRM',
      file: 'File',
      edit: 'Edit',
      view: 'View',
      go: 'Go',
      window: 'Window',
      help: 'Help',
      about: 'About Field CRM',
      settings: 'Settings…',
      services: 'Services',
      hide: 'Hide Field CRM',
      hideOthers: 'Hide Others',
      unhide: 'Show All',
      quit: 'Quit Field CRM',
      newAccount: 'New Account',
      exportPdf: 'Export as PDF…',
      print: 'Print…',
      close: 'Close Window',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      pasteAndMatchStyle: 'Paste and Match Style',
      delete: 'Delete',
      selectAll: 'Select All',
      search: 'Search…',
      reload: 'Reload',
      forceReload: 'Force Reload',
      toggleDevTools: 'Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      toggleFullScreen: 'Full Screen',
      myDay: 'My Day',
      accounts: 'Accounts',
      contacts: 'Contacts',
      leads: 'Leads',
      deals: 'Deals',
      contracts: 'Contracts',
      tickets: 'Tickets',
      minimize: 'Minimize',
      zoom: 'Zoom',
      front: 'Bring All to Front',
    },
    tray: {
      open: 'Open Field CRM',
      quit: 'Quit',
      states: {
        'local-only': 'This computer only (no team server)',
        offline: 'Offline: changes are kept here and sync when you are back online',
        syncing: 'Syncing…',
        synced: 'Up to date',
        error: 'Sync problem: open the app for details',
      },
      pending: '{count} changes waiting to upload',
    },
    pdf: { dialogTitle: 'Export as PDF', filterName: 'PDF document' },
    update: {
      title: 'Software Update',
      message: 'Field CRM {version} has been downloaded',
      detail:
        'Restart to finish updating. Your data stays on this computer. You can also do it later: the update installs when you quit.',
      restartNow: 'Restart Now',
      later: 'Later',
    },
  },
};

/** The texts for a language. */
export function mainTexts(language: AppLanguage): MainTexts {
  return MAIN_TEXTS[language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The saved language if it is one we have, else zh-CN (the app's default, as in the renderer). */
export function pickLanguage(saved: unknown): AppLanguage {
  const parsed = appLanguageSchema.safeParse(saved);
  return parsed.success ? parsed.data : 'zh-CN';
}
