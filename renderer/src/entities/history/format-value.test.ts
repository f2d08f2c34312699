import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { fieldLabel } from './field-label';
import { formatItem, formatValue } from './format-value';

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

describe('formatValue for people', () => {
  it('formats money and percentages, names references and stages, never shows an id', () => {
    expect(formatValue(120_000, t, { field: 'amount', language: 'zh-CN' })).toBe('¥120,000');
    expect(formatValue(30, t, { field: 'probability' })).toBe('30%');
    const refs = new Map([['acc-1', '杭州云杉科技有限公司']]);
    expect(formatValue('acc-1', t, { field: 'accountId', refs })).toBe('杭州云杉科技有限公司');
    expect(formatValue('acc-2', t, { field: 'accountId', refs })).toBe('（本机没有的记录）');
    expect(formatValue('u9', t, { field: 'ownerId', names: new Map() })).toBe('未知成员');
    expect(formatValue('qualify', t, { field: 'stage', collection: 'deals' })).toBe('初步接洽');
    expect(
      formatValue('s1', t, {
        field: 'stage',
        collection: 'deals',
        stages: new Map([['s1', '试用']]),
      }),
    ).toBe('试用');
  });

  it('reads list items one by one', () => {
    const en = i18n.getFixedT('en');
    const options = { language: 'en' };
    expect(
      formatItem(
        'lineItems',
        { id: 'a', product: 'Licence', quantity: 2, unitPrice: 1000, discount: 10 },
        en,
        options,
      ),
    ).toBe('Licence × 2 · CN¥1,000 · −10%');
    expect(
      formatItem(
        'payments',
        { id: 'p', date: '2026-03-01', amount: 500, method: 'bankTransfer', note: '' },
        en,
        options,
      ),
    ).toBe(`2026-03-01 · CN¥500 · Bank transfer`);
    expect(
      formatValue([{ id: 'x', dueDate: '2026-04-01', amount: 1, note: '首付' }], en, {
        ...options,
        field: 'paymentPlan',
      }),
    ).toBe('2026-04-01 · CN¥1 · 首付');
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
