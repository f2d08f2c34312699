import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import * as Y from 'yjs';
import { docPlainText } from '@sync/client';
import { i18n } from '../../i18n';
import { planContentExtensions } from './plan-extensions';
import { accountPlanTemplate, applyTemplateOnce } from './plan-template';

const schema = getSchema(
  planContentExtensions({ people: () => Promise.resolve([]), records: () => Promise.resolve([]) }),
);
const zh = i18n.getFixedT('zh-CN');

describe('account plan template', () => {
  it('writes the sections into an empty plan, once', () => {
    const doc = new Y.Doc();
    expect(applyTemplateOnce(doc, schema, accountPlanTemplate(zh))).toBe(true);
    const text = docPlainText(doc);
    for (const section of [
      '目标',
      '关键人与决策地图',
      '需求与痛点',
      '竞争态势',
      '风险',
      '行动计划',
    ])
      expect(text).toContain(section);
    expect(applyTemplateOnce(doc, schema, accountPlanTemplate(zh))).toBe(false);
  });

  it('does not write into a plan that has content', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('已有内容')]);
    doc.getXmlFragment('default').push([paragraph]);
    expect(applyTemplateOnce(doc, schema, accountPlanTemplate(zh))).toBe(false);
    expect(docPlainText(doc)).toBe('已有内容');
  });

  it('merges into one template when two people start the same plan offline', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyTemplateOnce(a, schema, accountPlanTemplate(zh));
    applyTemplateOnce(b, schema, accountPlanTemplate(zh));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(docPlainText(a)).toBe(docPlainText(b));
    expect(docPlainText(a).match(/行动计划/g)).toHaveLength(1);
  });
});
