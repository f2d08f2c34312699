import type { MergeKind } from '@shared/rules/merge-plan';

/**
 * The merge page for these records (the first one preselected as the record to keep): the lists' 合并 / Merge
 * button, and any screen that offers a merge (a duplicate refusal in the inbox) links here.
 */
export function mergeHref(kind: MergeKind, ids: readonly string[]): string {
  return `/merge/${kind}?ids=${ids.map(encodeURIComponent).join(',')}`;
}

/** Where a record of a kind opens (after a merge, the survivor; a merged-away loser goes there too). */
export function recordHref(kind: MergeKind, id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}
