import type { PmNode } from './plan-template';

const escape = (value: string) => value.replace(/([\\`*_[\]])/g, '\\$1');

function inline(nodes: PmNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      if (node.type === 'mention') {
        const char =
          typeof node.attrs?.mentionSuggestionChar === 'string'
            ? node.attrs.mentionSuggestionChar
            : '@';
        const label =
          typeof node.attrs?.label === 'string'
            ? node.attrs.label
            : typeof node.attrs?.id === 'string'
              ? node.attrs.id
              : '';
        return `${char}${escape(label)}`;
      }
      if (node.type !== 'text' || !node.text) return inline(node.content);
      let out = escape(node.text);
      const marks = node.marks ?? [];
      if (marks.some((m) => m.type === 'code')) out = `\`${node.text}\``;
      if (marks.some((m) => m.type === 'bold')) out = `**${out}**`;
      if (marks.some((m) => m.type === 'italic')) out = `*${out}*`;
      if (marks.some((m) => m.type === 'strike')) out = `~~${out}~~`;
      const link = marks.find((m) => m.type === 'link');
      if (link && typeof link.attrs?.href === 'string') out = `[${out}](${link.attrs.href})`;
      return out;
    })
    .join('');
}

function indent(block: string, prefix: string): string {
  return block
    .split('\n')
    .map((line, i) => (i === 0 ? prefix + line : ' '.repeat(prefix.length) + line))
    .join('\n');
}

function listItems(node: PmNode, marker: (item: PmNode, index: number) => string): string {
  return (node.content ?? [])
    .map((item, i) => indent(blocks(item.content).join('\n'), marker(item, i)))
    .join('\n');
}

function tableMarkdown(node: PmNode): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((c) =>
      blocks(c.content).join(' ').replace(/\|/g, '\\|').replace(/\n/g, ' '),
    ),
  );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [
    line(rows[0]),
    line(Array.from({ length: width }, () => '---')),
    ...rows.slice(1).map(line),
  ].join('\n');
}

function block(node: PmNode): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Number(node.attrs?.level ?? 1)))} ${inline(node.content)}`;
    case 'paragraph':
      return inline(node.content);
    case 'bulletList':
      return listItems(node, () => '- ');
    case 'orderedList':
      return listItems(node, (_, i) => `${Number(node.attrs?.start ?? 1) + i}. `);
    case 'taskList':
      return listItems(node, (item) => (item.attrs?.checked ? '- [x] ' : '- [ ] '));
    case 'blockquote':
      return blocks(node.content)
        .join('\n\n')
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'codeBlock':
      return `\`\`\`${typeof node.attrs?.language === 'string' ? node.attrs.language : ''}\n${(node.content ?? []).map((n) => n.text ?? '').join('')}\n\`\`\``;
    case 'horizontalRule':
      return '---';
    case 'table':
      return tableMarkdown(node);
    default:
      return node.content ? blocks(node.content).join('\n\n') : inline([node]);
  }
}

function blocks(nodes: PmNode[] | undefined): string[] {
  return (nodes ?? []).map(block);
}

/** A plan or note (the editor's ProseMirror JSON) as Markdown, with an optional title heading first. */
export function toMarkdown(doc: PmNode, title?: string): string {
  const body = blocks(doc.content)
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${title ? `# ${escape(title)}\n\n` : ''}${body}\n`;
}
