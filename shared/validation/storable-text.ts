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
 * Walks arrays and plain objects; other values hold no text.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = findUnstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
