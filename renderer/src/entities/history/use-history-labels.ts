import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '@shared/sync';
import type { Repositories } from '../../data/repositories';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from '../settings/queries';
import { stageLabel } from '../settings/stage-label';
import { useMemberNames } from '../members/queries';
import { REFERENCE_FIELDS, type FormatValueOptions } from './format-value';
import { historyField } from './group-history';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Collections a reference may point into, and how a record of each is named. */
const NAMED_COLLECTIONS = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'contracts',
  'tickets',
] as const;
type NamedCollection = (typeof NAMED_COLLECTIONS)[number];

function nameOf(record: Record<string, unknown>): string | undefined {
  for (const key of ['name', 'title', 'subject'])
    if (typeof record[key] === 'string' && record[key]) return record[key];
  return undefined;
}

/** The ids of other records a history names, by the collection they are in (null: look in all). */
export function referencedIds(entries: readonly HistoryEntry[]): Map<string | null, string[]> {
  const out = new Map<string | null, Set<string>>();
  for (const entry of entries) {
    const field = historyField(entry);
    if (!(field in REFERENCE_FIELDS)) continue;
    const collection = REFERENCE_FIELDS[field] ?? null;
    for (const value of [entry.oldValue, entry.newValue])
      if (typeof value === 'string' && value) {
        const ids = out.get(collection) ?? new Set<string>();
        ids.add(value);
        out.set(collection, ids);
      }
  }
  return new Map([...out].map(([collection, ids]) => [collection, [...ids].sort()]));
}

async function readNames(
  repos: Repositories,
  wanted: Map<string | null, string[]>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [collection, ids] of wanted) {
    const where: readonly NamedCollection[] = collection
      ? NAMED_COLLECTIONS.filter((c) => c === collection)
      : NAMED_COLLECTIONS;
    for (const name of where) {
      const found = await repos[name].getMany(ids.filter((id) => !names.has(id)));
      for (const [id, record] of found) {
        const label = nameOf(record);
        if (label) names.set(id, label);
      }
    }
  }
  return names;
}

/**
 * What history needs to show values as labels: people and teams by name, referenced records by name (read from
 * the replica, live: a renamed account renames its history lines), the pipeline's stage labels and the user's
 * language for money.
 */
export function useHistoryLabels(
  entries: readonly HistoryEntry[] | undefined,
): FormatValueOptions & { ready: boolean } {
  const { i18n, t } = useTranslation();
  const repos = useRepositories();
  const names = useMemberNames();
  // The deals page's pipeline query (same key): history may not import deals (eslint.config.js ENTITY_ORDER).
  const pipeline = useQuery({
    queryKey: settingKeys.pipeline(),
    queryFn: () => repos.settings.pipeline(),
  });
  const wanted = useMemo(() => referencedIds(entries ?? []), [entries]);
  const key = [...wanted].map(([collection, ids]) => `${collection ?? '*'}:${ids.join(',')}`);
  const refs = useQuery({
    queryKey: ['history', 'references', ...key],
    queryFn: () => readNames(repos, wanted),
    enabled: wanted.size > 0,
    meta: { collections: [...NAMED_COLLECTIONS] },
  });
  const stages = useMemo(
    () => new Map((pipeline.data?.stages ?? []).map((s) => [s.id, stageLabel(t, s)])),
    [pipeline.data, t],
  );
  const ready = wanted.size === 0 || !refs.isPending;
  return useMemo(
    () => ({ names, refs: refs.data ?? NO_NAMES, stages, language: i18n.language, ready }),
    [names, refs.data, stages, i18n.language, ready],
  );
}
