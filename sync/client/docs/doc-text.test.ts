import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docPlainText } from './doc-text';

function element(
  name: string,
  children: (Y.XmlElement | Y.XmlText)[],
  attrs: Record<string, string> = {},
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
}

describe('docPlainText', () => {
  it('puts blocks on lines and keeps mentions inline', () => {
    const doc = new Y.Doc();
    doc
      .getXmlFragment('default')
      .push([
        element('heading', [new Y.XmlText('目标')], { level: '2' }),
        element('paragraph', [
          new Y.XmlText('负责人 '),
          element('mention', [], { id: 'u1', label: '林晓', mentionSuggestionChar: '@' }),
          new Y.XmlText(' 跟进'),
        ]),
        element('paragraph', []),
        element('bulletList', [
          element('listItem', [element('paragraph', [new Y.XmlText('一')])]),
          element('listItem', [element('paragraph', [new Y.XmlText('二')])]),
        ]),
        element('table', [
          element('tableRow', [
            element('tableCell', [element('paragraph', [new Y.XmlText('单元格')])]),
          ]),
        ]),
      ]);
    expect(docPlainText(doc)).toBe('目标\n负责人 @林晓 跟进\n一\n二\n单元格');
  });

  it('is empty for a new document', () => {
    expect(docPlainText(new Y.Doc())).toBe('');
  });
});
