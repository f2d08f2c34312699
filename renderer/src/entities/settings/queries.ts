/**
 * Keys of the settings collection (the pipeline, saved filters). Hierarchical like every factory: the first
 * element is the collection, so app/live-invalidation.ts refreshes them when a setting changes. The hooks that
 * read a setting live with the entity it configures (the pipeline with deals, saved filters with accounts).
 */
export const settingKeys = {
  all: ['settings'] as const,
  pipeline: (id = '') => [...settingKeys.all, 'pipeline', id] as const,
  pipelines: () => [...settingKeys.all, 'pipelines'] as const,
  savedFilters: (kind: string) => [...settingKeys.all, 'savedFilters', kind] as const,
  fieldPolicy: () => [...settingKeys.all, 'fieldPolicy'] as const,
  followUpRules: () => [...settingKeys.all, 'followUpRules'] as const,
  leadAssignment: () => [...settingKeys.all, 'leadAssignment'] as const,
  approvalRules: () => [...settingKeys.all, 'approvalRules'] as const,
  ticketRouting: () => [...settingKeys.all, 'ticketRouting'] as const,
};
