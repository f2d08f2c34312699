import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { fieldLabel } from './field-label';
import { formatValue } from './format-value';

const t = i18n.getFixedT('zh-CN');

describe('formatValue', () => {
  it('formats strings, numbers, lists and objects shortly', () => {
    expect(formatValue('', t)).toBe('—');
    expect(formatValue(null, t)).toBe('—');
    expect(formatValue('021-1', t, { field: 'phone' })).toBe('021-1');
    expect(formatValue(42, t, { field: 'amount' })).toBe('42');
    expect(formatValue(['a', 'b'], t, { field: 'notes' })).toBe('a, b');
    expect(formatValue({ a: 1 }, t)).toBe('{"a":1}');
    expect(formatValue('x'.repeat(200), t).length).toBe(80);
  });

  it('labels list codes and member ids', () => {
    expect(formatValue('prospect', t, { field: 'status', collection: 'accounts' })).toBe(
      i18n.t('lists.accountStatus.prospect', { lng: 'zh-CN' }),
    );
    expect(formatValue('u1', t, { field: 'ownerId', names: new Map([['u1', '王经理']]) })).toBe(
      '王经理',
    );
    expect(formatValue('I65', t, { field: 'industry' })).toBe('软件和信息技术服务业');
  });
});

describe('fieldLabel', () => {
  it('uses fields.<name>, entity-specific names, extra names and the raw path', () => {
    expect(fieldLabel(t, 'phone')).toBe(i18n.t('fields.phone', { lng: 'zh-CN' }));
    expect(fieldLabel(t, 'name', 'deals')).toBe(i18n.t('fields.dealName', { lng: 'zh-CN' }));
    expect(fieldLabel(t, 'teamId')).toBe('团队');
    expect(fieldLabel(t, 'lineItems.0.unitPrice', 'deals')).toBe(
      `${i18n.t('fields.lineItems', { lng: 'zh-CN' })} (0.unitPrice)`,
    );
    expect(fieldLabel(t, 'mystery')).toBe('mystery');
  });
});
