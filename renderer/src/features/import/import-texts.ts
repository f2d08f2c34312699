import type { TFunction } from 'i18next';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TIERS,
  ACTIVITY_TYPES,
  DEAL_STATUSES,
  DECISION_POWERS,
  DECISION_ROLES,
  DEFAULT_PIPELINE,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  LEAD_SOURCES,
  LEAD_STATUSES,
  REGIONS,
  SIZE_BANDS,
} from '@shared/domain';
import type { ImportKind } from '@shared/import/header-guess';
import type { RowIssue } from '@shared/import/validate-rows';
import type { Option } from '../../components/list-options';

/** A target field's name in the UI language (the record's name field reads as the kind names it). */
export function fieldLabel(t: TFunction, kind: ImportKind, field: string): string {
  if (field === 'name') return t(`import.nameOf.${kind}`);
  return t(`import.field.${field}`, { defaultValue: field });
}

/** One problem of a row in words: the schema's `validation.*` or the import's `import.*` reason, translated. */
export function issueText(t: TFunction, issue: RowIssue): string {
  return t(issue.reason, { ...issue.params, defaultValue: t('import.invalid') });
}

/** "字段: 原因", the reject file's reason cell. */
export function describeIssue(t: TFunction, kind: ImportKind, issue: RowIssue): string {
  return `${fieldLabel(t, kind, issue.field)}: ${issueText(t, issue)}`;
}

/** The codes of a controlled list field and the i18n list their labels are in. */
function listOf(
  kind: ImportKind,
  field: string,
): { codes: readonly string[]; label: (code: string) => string } | null {
  const list = (codes: readonly string[], name: string) => ({
    codes,
    label: (code: string) => `lists.${name}.${code}`,
  });
  switch (field) {
    case 'sizeBand':
      return list(SIZE_BANDS, 'sizeBand');
    case 'region':
      return list(REGIONS, 'region');
    case 'source':
      return list(LEAD_SOURCES, 'source');
    case 'tier':
      return list(ACCOUNT_TIERS, 'tier');
    case 'decisionRole':
      return list(DECISION_ROLES, 'decisionRole');
    case 'decisionPower':
      return list(DECISION_POWERS, 'decisionPower');
    case 'type':
      return list(ACTIVITY_TYPES, 'activityType');
    case 'stage':
      return list(
        DEFAULT_PIPELINE.stages.map((s) => s.id),
        'stage',
      );
    case 'status':
      return kind === 'accounts'
        ? list(ACCOUNT_STATUSES, 'accountStatus')
        : kind === 'leads'
          ? list(LEAD_STATUSES, 'leadStatus')
          : list(DEAL_STATUSES, 'dealStatus');
    case 'industry':
      return {
        codes: [...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS],
        label: (code: string) => `industry.${code}`,
      };
    default:
      return null;
  }
}

/** The choices of the value-mapping step for a field: its list's values, or the workspace's members. */
export function valueChoices(
  t: TFunction,
  kind: ImportKind,
  field: string,
  members: readonly { id: string; name: string; email: string }[],
): Option[] {
  if (field === 'ownerId')
    return members.map((m) => ({
      value: m.id,
      label: m.email ? `${m.name} <${m.email}>` : m.name,
    }));
  const list = listOf(kind, field);
  if (!list) return [];
  return list.codes.map((code) => ({
    value: code,
    label: field === 'industry' ? `${code} ${t(list.label(code))}` : t(list.label(code)),
  }));
}
