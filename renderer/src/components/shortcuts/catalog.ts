/**
 * Every keyboard shortcut of the app, in one list: the help overlay (`?`) shows it, and `useShortcut` takes its
 * ids. `dispatch: 'global'` shortcuts are matched by the one listener (`use-shortcut.ts`) and run the handler the
 * current screen registered; `dispatch: 'focus'` ones are handled by the focused widget itself (a list row, a
 * board card) and are listed here so people can learn them.
 */
export type ShortcutGroup = 'general' | 'go' | 'record' | 'list' | 'board' | 'inbox';

export interface ShortcutDefinition {
  id: string;
  /** Alternatives; each is a combination ('mod+k') or a sequence of two ('g d'). See key-match.ts. */
  keys: readonly string[];
  group: ShortcutGroup;
  dispatch: 'global' | 'focus';
  /** Also while typing in a field or an editor (only with a modifier, so typing is never taken). */
  anywhere?: boolean;
}

export const SHORTCUTS = [
  { id: 'search', keys: ['mod+k'], group: 'general', dispatch: 'global', anywhere: true },
  { id: 'help', keys: ['?'], group: 'general', dispatch: 'global' },
  { id: 'newRecord', keys: ['n'], group: 'general', dispatch: 'global' },
  { id: 'filter', keys: ['/'], group: 'general', dispatch: 'global' },
  { id: 'goMyDay', keys: ['g d'], group: 'go', dispatch: 'global' },
  { id: 'goAccounts', keys: ['g a'], group: 'go', dispatch: 'global' },
  { id: 'goContacts', keys: ['g c'], group: 'go', dispatch: 'global' },
  { id: 'goLeads', keys: ['g l'], group: 'go', dispatch: 'global' },
  { id: 'goDeals', keys: ['g b'], group: 'go', dispatch: 'global' },
  { id: 'goContracts', keys: ['g r'], group: 'go', dispatch: 'global' },
  { id: 'goTickets', keys: ['g t'], group: 'go', dispatch: 'global' },
  { id: 'goInbox', keys: ['g i'], group: 'go', dispatch: 'global' },
  { id: 'goSettings', keys: ['g s'], group: 'go', dispatch: 'global' },
  { id: 'edit', keys: ['e'], group: 'record', dispatch: 'global' },
  { id: 'logActivity', keys: ['a'], group: 'record', dispatch: 'global' },
  { id: 'nextRecord', keys: ['j'], group: 'record', dispatch: 'global' },
  { id: 'previousRecord', keys: ['k'], group: 'record', dispatch: 'global' },
  { id: 'backToList', keys: ['u'], group: 'record', dispatch: 'global' },
  { id: 'listDown', keys: ['ArrowDown', 'j'], group: 'list', dispatch: 'focus' },
  { id: 'listUp', keys: ['ArrowUp', 'k'], group: 'list', dispatch: 'focus' },
  { id: 'listFirstLast', keys: ['Home', 'End'], group: 'list', dispatch: 'focus' },
  { id: 'listPage', keys: ['PageUp', 'PageDown'], group: 'list', dispatch: 'focus' },
  { id: 'listOpen', keys: ['Enter'], group: 'list', dispatch: 'focus' },
  { id: 'listConvertLead', keys: ['c'], group: 'list', dispatch: 'focus' },
  { id: 'listComments', keys: ['m'], group: 'list', dispatch: 'focus' },
  { id: 'listSelect', keys: ['x'], group: 'list', dispatch: 'focus' },
  {
    id: 'boardMoveFocus',
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    group: 'board',
    dispatch: 'focus',
  },
  { id: 'boardOpen', keys: ['Enter'], group: 'board', dispatch: 'focus' },
  { id: 'boardPickUp', keys: ['space'], group: 'board', dispatch: 'focus' },
  { id: 'boardCancel', keys: ['Escape'], group: 'board', dispatch: 'focus' },
  // The inbox's items (features/inbox/inbox-keys.ts): e for done and # for dismiss as in a mail client.
  { id: 'inboxNext', keys: ['ArrowDown', 'j'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxPrevious', keys: ['ArrowUp', 'k'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxFirstLast', keys: ['Home', 'End'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxOpen', keys: ['Enter'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxDone', keys: ['e'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxSnooze', keys: ['s'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxDismiss', keys: ['#', 'Delete'], group: 'inbox', dispatch: 'focus' },
  { id: 'inboxUndo', keys: ['z'], group: 'inbox', dispatch: 'focus' },
] as const satisfies readonly ShortcutDefinition[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
/** The ids a screen can handle through `useShortcut`. */
export type GlobalShortcutId = Extract<(typeof SHORTCUTS)[number], { dispatch: 'global' }>['id'];
