import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPdfExport, resolvePdfTarget, sanitizePdfFileName } from './pdf-export';

describe('sanitizePdfFileName', () => {
  it.each([
    ['a plain name', '华东电力-客户计划', '华东电力-客户计划.pdf'],
    ['slashes become dashes', '华东电力 / 客户计划', '华东电力 - 客户计划.pdf'],
    ['Windows-forbidden characters', 'Quote: Q-1 <draft>?*"|', 'Quote Q-1 draft.pdf'],
    ['control characters', 'a\u0000b\nc', 'a b c.pdf'],
    ['leading dots (hidden files)', '..hidden', 'hidden.pdf'],
    ['trailing dots and spaces (Windows strips them)', 'plan. . ', 'plan.pdf'],
    ['an existing .pdf is not doubled', 'Quote.PDF', 'Quote.pdf'],
    ['a Windows device name', 'CON', 'CON_.pdf'],
    ['a Windows device name with extension', 'nul.txt', 'nul.txt_.pdf'],
    ['nothing left', ' /// ', 'Field CRM.pdf'],
    ['only dots', '...', 'Field CRM.pdf'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizePdfFileName(input)).toBe(expected);
  });

  it('keeps at most 120 characters without splitting a character', () => {
    const name = sanitizePdfFileName('客'.repeat(200));
    expect(Array.from(name.replace(/\.pdf$/, ''))).toHaveLength(120);
    expect(sanitizePdfFileName(`${'a'.repeat(119)}😀😀`)).toBe(`${'a'.repeat(119)}😀.pdf`);
  });
});

describe('planPdfExport', () => {
  it('asks where to save, in Documents, with a PDF filter in the UI language', () => {
    const plan = planPdfExport({
      request: { suggestedName: '华东电力 / 客户计划' },
      language: 'zh-CN',
      documentsDir: join('/home', 'lin', 'Documents'),
    });
    expect(plan.dialog).toEqual({
      title: '导出为 PDF',
      defaultPath: join('/home', 'lin', 'Documents', '华东电力 - 客户计划.pdf'),
      filters: [{ name: 'PDF 文档', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('prints A4 portrait with backgrounds unless landscape is asked for', () => {
    const portrait = planPdfExport({
      request: { suggestedName: 'Q' },
      language: 'en',
      documentsDir: '/d',
    }).print;
    expect(portrait).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(
      planPdfExport({
        request: { suggestedName: 'Q', landscape: true },
        language: 'en',
        documentsDir: '/d',
      }).print.landscape,
    ).toBe(true);
  });
});

describe('resolvePdfTarget', () => {
  it.each([
    [{ canceled: true, filePath: '/tmp/x.pdf' }, null],
    [{ canceled: false }, null],
    [{ canceled: false, filePath: '' }, null],
    [{ canceled: false, filePath: '/tmp/plan.pdf' }, '/tmp/plan.pdf'],
    [{ canceled: false, filePath: '/tmp/plan.PDF' }, '/tmp/plan.PDF'],
    [{ canceled: false, filePath: '/tmp/plan' }, '/tmp/plan.pdf'],
  ])('%j → %s', (result, expected) => {
    expect(resolvePdfTarget(result)).toBe(expected);
  });
});
