import type { ValueLabels } from '@shared/import/value-map';
import { IMPORT_FIELDS, type HeaderLabels, type ImportKind } from '@shared/import/header-guess';
import { i18n, LANGUAGES } from '../../../i18n';
import { lists } from '../../../i18n/resources/lists';
import type { Messages } from '../../../i18n/resources/types';

/**
 * The controlled-list labels an import matches cell text against (shared/import/value-map.ts), in BOTH
 * languages whatever the UI language is: a file written in Chinese is imported by an English user too.
 * Built from the same i18n resource the app shows, so an exported list imports back unchanged.
 */
export function importLabels(): ValueLabels {
  const out: Record<string, Record<string, string[]>> = {};
  const add = (name: string, tree: Messages) => {
    const list = (out[name] ??= {});
    for (const [code, label] of Object.entries(tree))
      if (typeof label === 'string') (list[code] ??= []).push(label);
  };
  for (const language of [lists['zh-CN'], lists.en]) {
    const listTree = language.lists;
    if (typeof listTree === 'object')
      for (const [name, tree] of Object.entries(listTree))
        if (typeof tree === 'object') add(name, tree);
    if (typeof language.industry === 'object') add('industry', language.industry);
  }
  return out;
}

/** Label keys of a field beyond `fields.<field>`: the headers the lists export with (features/*-page.tsx). */
const HEADER_KEYS: Partial<Record<ImportKind, Record<string, readonly string[]>>> = {
  accounts: { name: ['fields.accountName'] },
  contacts: { name: ['fields.contactName'], accountName: ['fields.accountId'] },
  leads: { name: ['fields.contactName'] },
  deals: { name: ['fields.dealName'], accountName: ['fields.accountId'] },
  activities: { accountName: ['fields.accountId'] },
};

/**
 * The app's own column headers per field of a kind, in BOTH languages (guessMapping's `labels`): an exported
 * list's headers ("公司全称", "Full company name", "负责人") map back to the fields they came from.
 */
export function importHeaderLabels(kind: ImportKind): HeaderLabels {
  const out: Record<string, string[]> = {};
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    for (const { field } of IMPORT_FIELDS[kind]) {
      const keys = [
        `fields.${field}`,
        ...(HEADER_KEYS[kind]?.[field] ?? []),
        ...(field === 'ownerId' ? ['common.owner'] : []),
      ];
      for (const key of keys)
        if (i18n.exists(key, { lng: language })) (out[field] ??= []).push(t(key));
    }
  }
  return out;
}
