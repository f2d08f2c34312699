import type { TFunction } from 'i18next';

/**
 * Where one entity names a field differently from the shared `fields.<name>` label (a deal's `name` is its
 * 商机名称, a contract's `title` its 合同名称).
 */
const FIELD_KEY_BY_COLLECTION: Partial<Record<string, Record<string, string>>> = {
  contacts: { name: 'contactName' },
  leads: { name: 'contactName' },
  deals: { name: 'dealName' },
  contracts: { title: 'contractTitle', number: 'contractNumber' },
  tickets: { type: 'ticketType' },
};

/**
 * The label of a field for people: `fields.<name>` (as write-errors.ts does), then the labels of the
 * bookkeeping fields history shows (team, deleted…), then the raw name. A nested path such as
 * `lineItems.0.unitPrice` is labelled by its first part and keeps the rest for precision.
 */
export function fieldLabel(t: TFunction, path: string, collection?: string): string {
  const [root = path, ...rest] = path.split('.');
  const key = (collection && FIELD_KEY_BY_COLLECTION[collection]?.[root]) || root;
  const label = t(`fields.${key}`, {
    defaultValue: t(`history.fieldNames.${root}`, { defaultValue: root }),
  });
  return rest.length > 0 ? `${label} (${rest.join('.')})` : label;
}
