import { describe, expect, it } from 'vitest';
import { fill, MAIN_TEXTS, pickLanguage } from './main-i18n';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('MAIN_TEXTS', () => {
  const zh = new Map(leaves(MAIN_TEXTS['zh-CN']));
  const en = new Map(leaves(MAIN_TEXTS.en));

  it('has the same keys in both languages and no empty text', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of [...zh, ...en]) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    for (const [key, text] of zh) {
      const placeholders = (value: string) => (value.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
    }
  });

  it('is really translated (menu words differ)', () => {
    expect(zh.get('menu.file')).toBe('文件');
    expect(en.get('menu.file')).toBe('File');
  });
});

describe('fill', () => {
  it('replaces known placeholders and keeps unknown ones', () => {
    expect(fill('{count} 项更改待上传', { count: 3 })).toBe('3 项更改待上传');
    expect(fill('Field CRM {version} {other}', { version: '1.2.0' })).toBe(
      'Field CRM 1.2.0 {other}',
    );
  });
});

describe('pickLanguage', () => {
  it.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
    ['fr', 'zh-CN'],
    [undefined, 'zh-CN'],
    [42, 'zh-CN'],
  ])('%s → %s', (saved, expected) => {
    expect(pickLanguage(saved)).toBe(expected);
  });
});
