/** Deeper than any record of the app nests (a pipeline's stage fields are 4 levels down). */
export const MAX_NESTING_DEPTH = 32;

/**
 * True when `value` nests objects or arrays more than `maxDepth` levels deep. Iterative, and it stops at the
 * limit: a hostile 5,000-deep value would overflow the stack of every recursive walk (the text guard, the
 * merge's comparison, JSON.stringify), so it is measured first, with nothing recursive.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= maxDepth) return true;
    for (const child of Object.values(next.value))
      pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
