import type { TFunction } from 'i18next';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOC_FIELD } from '@sync/client';

/** ProseMirror JSON (what TipTap's getJSON returns and setContent takes). */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** Bumped when the template changes: the flag in the document's 'meta' map says which one it got. */
const TEMPLATE_VERSION = 1;

const text = (value: string): PmNode[] => (value ? [{ type: 'text', text: value }] : []);
const paragraph = (value = ''): PmNode => ({
  type: 'paragraph',
  ...(value ? { content: text(value) } : {}),
});
const heading = (level: number, value: string): PmNode => ({
  type: 'heading',
  attrs: { level },
  content: text(value),
});
const cell = (type: 'tableHeader' | 'tableCell', value = ''): PmNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(value)],
});
const table = (columns: string[]): PmNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: columns.map((c) => cell('tableHeader', c)) },
    { type: 'tableRow', content: columns.map(() => cell('tableCell')) },
  ],
});
const bullets = (): PmNode => ({
  type: 'bulletList',
  content: [{ type: 'listItem', content: [paragraph()] }],
});
const tasks = (hint: string): PmNode => ({
  type: 'taskList',
  content: [{ type: 'taskItem', attrs: { checked: false }, content: [paragraph(hint)] }],
});

/** The account plan every account starts from: the sections a key-account plan needs. */
export function accountPlanTemplate(t: TFunction): PmNode {
  const k = (key: string) => t(`plans.template.${key}`);
  return {
    type: 'doc',
    content: [
      heading(2, k('objectives')),
      paragraph(k('objectivesHint')),
      heading(2, k('stakeholders')),
      table(['name', 'title', 'role', 'stance', 'owner'].map((c) => k(`stakeholderColumns.${c}`))),
      heading(2, k('needs')),
      bullets(),
      heading(2, k('competition')),
      table(
        ['competitor', 'strengths', 'weaknesses', 'response'].map((c) =>
          k(`competitionColumns.${c}`),
        ),
      ),
      heading(2, k('risks')),
      bullets(),
      heading(2, k('actions')),
      tasks(k('actionHint')),
    ],
  };
}

/**
 * A Yjs client id for the template, the same on every device for the same template text: two people who open
 * a new plan at the same time (or offline) write byte-identical template items, which Yjs merges into one
 * instead of two templates. Kept in the upper half of the id space, away from typical random ids.
 */
export function templateClientId(content: PmNode): number {
  const json = JSON.stringify(content);
  let hash = 2166136261;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 16777619) >>> 0;
  return (0x80000000 | (hash + TEMPLATE_VERSION)) >>> 0;
}

export const TEMPLATE_ORIGIN = 'template';

/**
 * Writes the template into an empty document, once: only when the document has no content and no template
 * flag (call it after the device copy loaded and the first server sync, when there is one).
 * Returns whether it wrote.
 */
export function applyTemplateOnce(doc: Y.Doc, schema: Schema, content: PmNode): boolean {
  const meta = doc.getMap<unknown>('meta');
  if (meta.has('template') || doc.getXmlFragment(DOC_FIELD).length > 0) return false;
  const source = new Y.Doc();
  // Hash what the schema makes of the template (default attributes included): same bytes → same id.
  source.clientID = templateClientId(schema.nodeFromJSON(content).toJSON() as PmNode);
  prosemirrorJSONToYXmlFragment(schema, content, source.getXmlFragment(DOC_FIELD));
  source.getMap('meta').set('template', TEMPLATE_VERSION);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), TEMPLATE_ORIGIN);
  source.destroy();
  return true;
}
