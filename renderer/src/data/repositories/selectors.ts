/** Escapes user text for a case-insensitive substring `$regex` (never pass raw input as a pattern). */
export function containsPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A prefix range usable by an index: every string starting with `prefix`. */
export function prefixRange(prefix: string): { $gte: string; $lt: string } {
  return { $gte: prefix, $lt: prefix + '\uffff' };
}
