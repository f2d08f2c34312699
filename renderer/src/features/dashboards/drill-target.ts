/** The records behind one chart element or table row (issue 22 drill-down). */
export interface DrillTarget {
  /** Translated, e.g. "赢单 · 2026-Q4". */
  title: string;
  collection: 'deals' | 'leads' | 'tickets' | 'accounts' | 'contracts' | 'activities';
  ids: readonly string[];
}

export type DrillCollection = DrillTarget['collection'];

/** The page that opens one record of a collection (activities open their account, when they have one). */
export function recordHref(
  collection: DrillCollection,
  record: { id: string; accountId?: string },
): string | null {
  switch (collection) {
    case 'activities':
      return record.accountId ? `/accounts/${record.accountId}` : null;
    default:
      return `/${collection}/${record.id}`;
  }
}
