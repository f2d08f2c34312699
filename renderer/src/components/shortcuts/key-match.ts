/**
 * Key combinations as the shortcut catalog writes them, and whether a keyboard event is one of them.
 * A combination is modifiers and a key joined by `+` ('mod+k', '?', 'shift+enter'); a space separates the two
 * strokes of a sequence ('g d': press g, then d). `mod` is ⌘ on macOS and Ctrl elsewhere.
 */
export interface KeyStroke {
  key: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

/** What of a keyboard event the matching reads (a plain object in unit tests). */
export type KeyLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

/** The strokes of a combination ('g d' → two strokes). */
export function parseKeys(spec: string): KeyStroke[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((stroke) => {
      // A lone '+' is the plus key; otherwise '+' joins the parts.
      const parts = stroke === '+' ? ['+'] : stroke.split('+');
      const key = parts[parts.length - 1];
      const modifiers = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
      return {
        key: key.toLowerCase(),
        mod: modifiers.has('mod'),
        alt: modifiers.has('alt'),
        shift: modifiers.has('shift'),
      };
    });
}

/** The letter or digit a physical key stands for (`KeyK` → 'k'): matches under a non-Latin layout too. */
function keyOfCode(code: string): string | null {
  const match = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(code);
  return match ? (match[1] ?? match[2]).toLowerCase() : null;
}

/** A printable key other than a letter or digit ('?', '/', '['): its character already says whether shift was held. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[a-z0-9]/i.test(key);
}

/** Whether `event` is `stroke` (on macOS `mod` is ⌘, elsewhere Ctrl; the other one must not be held). */
export function matchesStroke(stroke: KeyStroke, event: KeyLike, isMac: boolean): boolean {
  const modHeld = isMac ? event.metaKey : event.ctrlKey;
  const otherHeld = isMac ? event.ctrlKey : event.metaKey;
  if (modHeld !== stroke.mod || otherHeld || event.altKey !== stroke.alt) return false;
  const key = event.key.toLowerCase();
  if (isSymbol(stroke.key)) return key === stroke.key;
  if (event.shiftKey !== stroke.shift) return false;
  if (key === stroke.key) return true;
  // Space is written 'space' in the catalog; the event says ' '.
  if (stroke.key === 'space' && event.key === ' ') return true;
  return stroke.key.length === 1 && keyOfCode(event.code) === stroke.key;
}

/** Whether this machine is a Mac (⌘ instead of Ctrl). */
export function isMacPlatform(): boolean {
  if (typeof navigator === 'undefined') return false;
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform ??
    '';
  return /mac|iphone|ipad/i.test(platform);
}

const KEY_NAMES: Record<string, string> = {
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  home: 'Home',
  end: 'End',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  tab: 'Tab',
  delete: 'Del',
};

/** The keys of one stroke as a person reads them: 'mod+k' → ['⌘', 'K'] on a Mac, ['Ctrl', 'K'] elsewhere. */
export function displayKeys(stroke: KeyStroke, isMac: boolean): string[] {
  const keys: string[] = [];
  if (stroke.mod) keys.push(isMac ? '⌘' : 'Ctrl');
  if (stroke.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (stroke.shift) keys.push(isMac ? '⇧' : 'Shift');
  keys.push(KEY_NAMES[stroke.key] ?? stroke.key.toUpperCase());
  return keys;
}
