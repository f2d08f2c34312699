import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CollectionName, FieldPolicyValue } from '@shared/domain';
import { hiddenFields, NO_FIELD_POLICY, type FieldViewer } from '@shared/sync';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { useUserMap } from '../members/queries';
import { settingKeys } from './queries';

/** The workspace's field policy (field-level restrictions), from the replica. */
export function useFieldPolicyQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.fieldPolicy(),
    queryFn: () => repos.settings.fieldPolicy(),
  });
}

export function useSaveFieldPolicyMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: FieldPolicyValue) => repos.settings.saveFieldPolicy(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.fieldPolicy() }),
  });
}

/**
 * Who the field policy is judged for on this computer: the signed-in person with their role and teams as the
 * replica knows them (an admin's change reaches it with the members collection). None in a local workspace:
 * nothing is restricted there.
 */
export function useFieldViewer(): FieldViewer | null {
  const { session } = useWorkspace();
  const me = useUserMap().get(session.userId);
  return useMemo(() => {
    if (session.mode !== 'team') return null;
    const role = me?.role || session.role || 'rep';
    const teamIds = me?.teamIds.length ? me.teamIds : session.teamId ? [session.teamId] : [];
    return { userId: session.userId, role, teamIds };
  }, [session, me]);
}

/**
 * The fields of `record` the field policy hides from the person signed in (shared/sync/field-policy.ts, the
 * rule the server masks by): the replica holds neutral values there, so screens show them as hidden and
 * forms keep them read-only.
 */
export function useHiddenFields(
  collection: CollectionName,
  record: { teamId: string; ownerId?: string } | null | undefined,
): ReadonlySet<string> {
  const viewer = useFieldViewer();
  const policy = useFieldPolicyQuery().data ?? NO_FIELD_POLICY;
  return useMemo(
    () => new Set(viewer && record ? hiddenFields(viewer, policy, collection, record) : []),
    [viewer, policy, collection, record],
  );
}

/** For lists: whether `field` of a record is hidden from the person signed in (as useHiddenFields). */
export function useFieldHider(
  collection: CollectionName,
): (record: { teamId: string; ownerId?: string }, field: string) => boolean {
  const viewer = useFieldViewer();
  const policy = useFieldPolicyQuery().data ?? NO_FIELD_POLICY;
  return useMemo(
    () => (record, field) =>
      viewer !== null && hiddenFields(viewer, policy, collection, record).includes(field),
    [viewer, policy, collection],
  );
}

/**
 * `values` without the fields hidden from this person: a form never sends the neutral value it holds for
 * them (the server would refuse the change, sync.rejected.hiddenField).
 */
export function withoutHidden<T extends object>(
  values: T,
  hidden: ReadonlySet<string>,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => !hidden.has(key)),
  ) as Partial<T>;
}
