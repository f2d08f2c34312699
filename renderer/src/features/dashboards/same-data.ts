/**
 * Whether two plain values (numbers, strings, arrays, plain objects, Maps, Sets of them) hold the same data. For
 * memoised chart cards: after one edit most charts get equal but new arrays, and redrawing a chart is the
 * expensive part of an update, so a card redraws only when what it shows changed.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameData(value, b[i]));
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map || a instanceof Set) return false; // only the same instance counts
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(y, key) && sameData(x[key], y[key]));
}

/** React.memo's comparison for cards whose props are plain data (functions and refs compare by identity). */
export function sameProps<P extends object>(previous: Readonly<P>, next: Readonly<P>): boolean {
  return sameData(previous, next);
}
