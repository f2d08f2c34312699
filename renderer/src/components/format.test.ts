import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { formatList } from './format';
import { tagLabel } from './list-options';

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('formatList', () => {
  it('joins with the language’s own separator (issue 16: "、" in English too)', () => {
    expect(formatList(['流失风险', '渠道客户'], 'zh-CN')).toBe('流失风险、渠道客户');
    expect(formatList(['Churn risk', 'Channel customer'], 'en')).toBe(
      'Churn risk, Channel customer',
    );
    expect(formatList(['A', 'B', 'C'], 'en', 'long')).toBe('A, B, and C');
    expect(formatList([], 'en')).toBe('');
  });
});

describe('tagLabel', () => {
  it('shows lifecycle tags and common free tags in the UI language, other free tags as typed', async () => {
    await i18n.changeLanguage('en');
    expect(tagLabel(i18n.t, 'churnRisk')).toBe('Churn risk');
    expect(tagLabel(i18n.t, '外资企业')).toBe('Foreign-invested');
    expect(tagLabel(i18n.t, '渠道客户')).toBe('Channel customer');
    expect(tagLabel(i18n.t, '老客户转介绍')).toBe('老客户转介绍');
    await i18n.changeLanguage('zh-CN');
    expect(tagLabel(i18n.t, 'churnRisk')).toBe('流失风险');
    expect(tagLabel(i18n.t, '外资企业')).toBe('外资企业');
  });
});
