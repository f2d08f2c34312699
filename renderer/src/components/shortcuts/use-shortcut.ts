import { useEffect, useRef } from 'react';
import { SHORTCUTS, type GlobalShortcutId } from './catalog';
import { isMacPlatform, matchesStroke, parseKeys, type KeyLike, type KeyStroke } from './key-match';

type Handler = (event: KeyboardEvent) => void;

/** Per shortcut, the handlers screens registered: the last one (the innermost screen) runs. */
const registered = new Map<GlobalShortcutId, { current: Handler }[]>();

const GLOBAL = SHORTCUTS.filter((s) => s.dispatch === 'global').map((s) => ({
  id: s.id,
  anywhere: 'anywhere' in s && s.anywhere,
  sequences: s.keys.map(parseKeys),
}));

/**
 * Runs `handler` when the shortcut `id` is pressed while this component is mounted (pass null to leave it
 * unhandled, e.g. when the person may not edit). The most recently mounted handler of an id wins, so a record
 * page's `e` overrides nothing else and a nested screen can take over a key from its page.
 */
export function useShortcut(id: GlobalShortcutId, handler: Handler | null | undefined): void {
  const latest = useRef<Handler | null>(null);
  useEffect(() => {
    latest.current = handler ?? null;
  });
  const active = handler != null;
  useEffect(() => {
    if (!active) return;
    const entry = { current: (event: KeyboardEvent) => latest.current?.(event) };
    registered.set(id, [...(registered.get(id) ?? []), entry]);
    return () => {
      const rest = (registered.get(id) ?? []).filter((e) => e !== entry);
      if (rest.length > 0) registered.set(id, rest);
      else registered.delete(id);
    };
  }, [id, active]);
}

/** The shortcuts some mounted screen handles now (the help overlay marks the others as not available here). */
export function activeShortcuts(): Set<GlobalShortcutId> {
  return new Set(registered.keys());
}

/** Typing here must never trigger a plain-letter shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    );
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox' || role === 'spinbutton';
}

/** A dialog is open: the screen behind it must not react to its keys. */
function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * The key before this one (the first of a possible sequence); `blocked` when it was not for us (typed in a field,
 * or pressed while a dialog was open or still closing). Module state so focused widgets can ask about it.
 */
let first: { event: KeyLike; at: number; blocked: boolean } | null = null;

function continuesSequence(strokes: KeyStroke[], event: KeyLike, isMac: boolean): boolean {
  return (
    first !== null &&
    Date.now() - first.at <= SEQUENCE_TIMEOUT_MS &&
    matchesStroke(strokes[0], first.event, isMac) &&
    matchesStroke(strokes[1], event, isMac)
  );
}

/**
 * Whether `event` ends a two-key shortcut some screen handles whose first key was just pressed (`s` after `g`).
 * A focused widget's own single keys (the inbox's `s` for snooze, a lead row's `c`) then leave the key to the
 * listener: a pending `g` wins.
 */
export function endsPendingSequence(event: KeyLike): boolean {
  if (!first || first.blocked) return false;
  const isMac = isMacPlatform();
  return GLOBAL.some(
    (shortcut) =>
      registered.has(shortcut.id) &&
      shortcut.sequences.some(
        (strokes) => strokes.length > 1 && continuesSequence(strokes, event, isMac),
      ),
  );
}

/**
 * Installs the one keyboard listener that runs registered shortcuts (mounted once, in the app's frame).
 * Shortcuts with a modifier that work "anywhere" (search) are taken in the capture phase, before an editor
 * sees the key; the others in the bubble phase, after the focused widget had its chance (a list row's `j`
 * prevents the default, and the record page's `j` then stays quiet).
 */
export function useShortcutListener(): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    first = null;

    const run = (id: GlobalShortcutId, event: KeyboardEvent) => {
      const stack = registered.get(id);
      if (!stack || stack.length === 0) return false;
      event.preventDefault();
      stack[stack.length - 1].current(event);
      return true;
    };
    const matches = (strokes: KeyStroke[], event: KeyboardEvent) =>
      strokes.length === 1
        ? matchesStroke(strokes[0], event, isMac)
        : continuesSequence(strokes, event, isMac);

    const onCapture = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      for (const shortcut of GLOBAL) {
        if (!shortcut.anywhere) continue;
        if (shortcut.sequences.some((s) => matches(s, event)) && run(shortcut.id, event)) {
          event.stopPropagation();
          return;
        }
      }
    };
    const onBubble = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
      if (isTypingTarget(event.target) || modalOpen()) {
        first = { event, at: Date.now(), blocked: true };
        return;
      }
      // The end of a sequence whose start was not for us is not a shortcut of its own: `g a` pressed while a
      // dialog fades out must not log an activity (`a`) once it has gone.
      if (first?.blocked) {
        const ends = GLOBAL.some((s) =>
          s.sequences.some((seq) => seq.length > 1 && matches(seq, event)),
        );
        first = null;
        if (ends) return;
      }
      for (const shortcut of GLOBAL) {
        if (shortcut.anywhere) continue;
        if (shortcut.sequences.some((s) => matches(s, event)) && run(shortcut.id, event)) {
          first = null;
          return;
        }
      }
      first = { event, at: Date.now(), blocked: false };
    };
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
      first = null;
    };
  }, []);
}
