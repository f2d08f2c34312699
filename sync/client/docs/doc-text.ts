import * as Y from 'yjs';

/** The Y.XmlFragment the editor binds to (TipTap's Collaboration default field). */
export const DOC_FIELD = 'default';

/** Inline nodes: they stay on their block's line. */
const INLINE = new Set(['mention', 'hardBreak', 'hard_break', 'image']);

function textOf(node: Y.XmlText): string {
  let text = '';
  for (const op of node.toDelta() as { insert?: unknown }[])
    if (typeof op.insert === 'string') text += op.insert;
  return text;
}

function walk(node: Y.XmlElement | Y.XmlText | Y.XmlHook, out: string[]): void {
  if (node instanceof Y.XmlText) {
    out.push(textOf(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  if (node.nodeName === 'mention') {
    const char = node.getAttribute('mentionSuggestionChar') as unknown;
    const label = node.getAttribute('label') as unknown;
    out.push(`${typeof char === 'string' ? char : '@'}${typeof label === 'string' ? label : ''}`);
    return;
  }
  if (node.nodeName === 'hardBreak' || node.nodeName === 'hard_break') {
    out.push('\n');
    return;
  }
  for (const child of node.toArray()) walk(child, out);
  if (!INLINE.has(node.nodeName)) out.push('\n');
}

/**
 * The plain text of a collaborative document (headings, paragraphs, list items and table cells each on a line,
 * mentions as "@name"/"#record"), for search and previews. Works on the Y.Doc alone, without an editor.
 */
export function docPlainText(doc: Y.Doc, field = DOC_FIELD): string {
  const out: string[] = [];
  for (const child of doc.getXmlFragment(field).toArray()) walk(child, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
