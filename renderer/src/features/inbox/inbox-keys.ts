import { SHORTCUTS, type ShortcutId } from '../../components/shortcuts/catalog';
import { matchesStroke, parseKeys, type KeyLike } from '../../components/shortcuts/key-match';

/** What a key does to the focused inbox item (the catalog's `inbox` group says which key is which). */
export type InboxKeyAction =
  'next' | 'previous' | 'first' | 'last' | 'open' | 'done' | 'snooze' | 'dismiss' | 'undo';

/** Per catalog id, its action — or one action per key alternative (Home → first, End → last). */
const ACTIONS: Partial<Record<ShortcutId, InboxKeyAction | readonly InboxKeyAction[]>> = {
  inboxNext: 'next',
  inboxPrevious: 'previous',
  inboxFirstLast: ['first', 'last'],
  inboxOpen: 'open',
  inboxDone: 'done',
  inboxSnooze: 'snooze',
  inboxDismiss: 'dismiss',
  inboxUndo: 'undo',
};

const BINDINGS = SHORTCUTS.filter((s) => s.group === 'inbox').flatMap((shortcut) => {
  const action = ACTIONS[shortcut.id];
  if (!action) return [];
  return shortcut.keys.map((spec, i) => ({
    strokes: parseKeys(spec),
    action: typeof action === 'string' ? action : action[i],
  }));
});

/** The inbox action of a key pressed on an item, or null for a key the inbox leaves alone. */
export function inboxKeyAction(event: KeyLike, isMac: boolean): InboxKeyAction | null {
  for (const binding of BINDINGS)
    if (binding.strokes.length === 1 && matchesStroke(binding.strokes[0], event, isMac))
      return binding.action;
  return null;
}

/** The index the focus moves to for a movement action, from `index` in `count` items (clamped at the ends). */
export function movedIndex(action: InboxKeyAction, index: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (action) {
    case 'next':
      return clamp(index + 1);
    case 'previous':
      return clamp(index - 1);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    default:
      return null;
  }
}
