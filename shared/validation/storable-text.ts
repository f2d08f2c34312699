/**
 * Text PostgreSQL (and PGlite) can store. Neither stores a NUL character in text or jsonb, nor a lone UTF-16
 * surrogate (JSON escapes it as \ud800, which jsonb refuses): such a string fails deep in a query and takes
 * every other row of its statement with it. The entity schemas (shared/domain/base.ts `text()`) and the REST
 * input guard both refuse it up front with this one definition.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `text` can be stored: no NUL character and no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The path to the first string (value or object key) in `value` that cannot be stored, or null when all can.
 * Walks arrays and plain objects (other values hold no text) with its own stack, not recursion: a value nested
 * thousands deep is refused elsewhere, and must not overflow the call stack here first.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | null {
  const pending: [unknown, string[]][] = [[value, path]];
  while (pending.length > 0) {
    const [current, at] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return at;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((child, i): [string, unknown] => [String(i), child])
      : Object.entries(current);
    for (const [key] of entries) if (!isStorableText(key)) return [...at, key];
    // Reversed onto the stack, so children are visited in order and the first bad one is found first.
    for (let i = entries.length - 1; i >= 0; i--)
      pending.push([entries[i][1], [...at, entries[i][0]]]);
  }
  return null;
}
