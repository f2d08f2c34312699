import type { ValueLabels } from '@shared/import/value-map';
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
