import { describe, expect, it } from 'vitest';
import { toMarkdown } from './plan-markdown';
import type { PmNode } from './plan-template';

const text = (value: string, marks?: PmNode['marks']): PmNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });

describe('plan → Markdown', () => {
  it('writes headings, marks, links, mentions, lists, checklists and tables', () => {
    const doc: PmNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('目标')] },
        p(
          text('预算 '),
          text('500 万', [{ type: 'bold' }]),
          text(' 见 '),
          text('官网', [{ type: 'link', attrs: { href: 'https://example.cn' } }]),
        ),
        p(
          text('负责人 '),
          { type: 'mention', attrs: { id: 'u1', label: '林晓', mentionSuggestionChar: '@' } },
          text(' 跟进 '),
          {
            type: 'mention',
            attrs: { id: 'account:a1', label: '云杉', mentionSuggestionChar: '#' },
          },
        ),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(text('一'))] },
            { type: 'listItem', content: [p(text('二'))] },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [{ type: 'listItem', content: [p(text('第一步'))] }],
        },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [p(text('已完成'))] },
            { type: 'taskItem', attrs: { checked: false }, content: [p(text('未完成'))] },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [p(text('姓名'))] },
                { type: 'tableHeader', content: [p(text('角色'))] },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [p(text('王磊'))] },
                { type: 'tableCell', content: [p(text('a|b'))] },
              ],
            },
          ],
        },
      ],
    };
    expect(toMarkdown(doc, '云杉 · 客户计划')).toBe(
      [
        '# 云杉 · 客户计划',
        '',
        '## 目标',
        '',
        '预算 **500 万** 见 [官网](https://example.cn)',
        '',
        '负责人 @林晓 跟进 #云杉',
        '',
        '- 一\n- 二',
        '',
        '1. 第一步',
        '',
        '- [x] 已完成\n- [ ] 未完成',
        '',
        '| 姓名 | 角色 |\n| --- | --- |\n| 王磊 | a\\|b |',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown characters typed as text', () => {
    expect(toMarkdown({ type: 'doc', content: [p(text('2*3 = 6 [draft]'))] })).toBe(
      '2\\*3 = 6 \\[draft\\]\n',
    );
  });
});
