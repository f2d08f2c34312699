import { describe, expect, it } from 'vitest';
import { duplicateProbe, groupDuplicates, planImport } from './duplicates';

describe('groupDuplicates', () => {
  const incoming = [
    { row: 2, probe: { name: '腾讯科技（深圳）有限公司', creditCode: '' } },
    { row: 3, probe: { name: '字节跳动', creditCode: '' } },
    { row: 4, probe: { name: '腾讯科技(深圳)', creditCode: '91440300708461136T' } },
    { row: 5, probe: { name: '另一家公司', creditCode: '91440300 708461136t' } },
    { row: 6, probe: { name: '北京字节跳动科技有限公司', creditCode: '' } },
    { row: 7, probe: { name: '独一无二有限公司', creditCode: '' } },
  ];
  const existing = [{ id: 'acc-bd', probe: { name: '字节跳动有限公司', creditCode: '' } }];

  it('joins rows by normalized name and credit code, transitively, and against the replica', () => {
    expect(groupDuplicates(incoming, existing)).toEqual([
      { rows: [2, 4, 5], existingIds: [], reasons: ['creditCode', 'name'], action: 'create' },
      { rows: [3], existingIds: ['acc-bd'], reasons: ['name'], action: 'skip' },
    ]);
  });

  it('groups deals by account and name (width, case and spaces folded), not by name alone', () => {
    const probe = (r: Record<string, unknown>) => duplicateProbe('deals', r) ?? {};
    const groups = groupDuplicates(
      [
        { row: 2, probe: probe({ name: '年度续约 ２０２７', accountId: 'a1' }) },
        { row: 3, probe: probe({ name: '年度续约2027', accountId: 'a2' }) },
        { row: 4, probe: probe({ name: 'ERP Upgrade', accountId: 'a1' }) },
        { row: 5, probe: probe({ name: 'erp  upgrade', accountId: 'a1' }) },
        { row: 6, probe: probe({ name: '', accountId: 'a1' }) },
      ],
      [{ id: 'd1', probe: probe({ name: '年度续约2027', accountId: 'a1' }) }],
    );
    expect(groups).toEqual([
      { rows: [2], existingIds: ['d1'], reasons: ['deal'], action: 'skip' },
      { rows: [4, 5], existingIds: [], reasons: ['deal'], action: 'create' },
    ]);
  });

  it('groups activities by account, kind, subject and minute', () => {
    const probe = (r: Record<string, unknown>) => duplicateProbe('activities', r) ?? {};
    const at = Date.UTC(2026, 0, 5, 1, 30);
    const call = { type: 'call', subject: '需求沟通', accountId: 'a1', occurredAt: at };
    const groups = groupDuplicates(
      [
        { row: 2, probe: probe(call) },
        { row: 3, probe: probe({ ...call, occurredAt: at + 60_000 }) },
        { row: 4, probe: probe({ ...call, type: 'visit' }) },
        { row: 5, probe: probe({ ...call, accountId: 'a2' }) },
      ],
      // Stored to the millisecond; the file holds the minute.
      [{ id: 'x1', probe: probe({ ...call, occurredAt: at + 42_123 }) }],
    );
    expect(groups).toEqual([
      { rows: [2], existingIds: ['x1'], reasons: ['activity'], action: 'skip' },
    ]);
  });

  it('groups contacts by mobile and e-mail, not by their names', () => {
    const probe = (r: Record<string, unknown>) => duplicateProbe('contacts', r) ?? {};
    const groups = groupDuplicates(
      [
        { row: 2, probe: probe({ name: '王伟', mobile: '+86 138 0013 8000', email: '' }) },
        { row: 3, probe: probe({ name: '王伟', mobile: '13900139000', email: '' }) },
        { row: 4, probe: probe({ name: '李四', mobile: '', email: 'A@x.com' }) },
      ],
      [{ id: 'c1', probe: probe({ mobile: '13800138000', email: 'a@X.com' }) }],
    );
    expect(groups).toEqual([
      { rows: [2], existingIds: ['c1'], reasons: ['mobile'], action: 'skip' },
      { rows: [4], existingIds: ['c1'], reasons: ['email'], action: 'skip' },
    ]);
  });
});

describe('planImport', () => {
  const valid = [2, 3, 4, 5].map((row) => ({ row, record: { row } }));
  it('creates ungrouped rows and applies each group action once', () => {
    const plan = planImport(valid, [
      { rows: [2, 4], existingIds: [], reasons: ['name'], action: 'create' },
      { rows: [3], existingIds: ['x'], reasons: ['name'], action: 'update' },
    ]);
    expect(plan.create.map((r) => r.row)).toEqual([2, 5]);
    expect(plan.update).toEqual([{ id: 'x', row: 3, record: { row: 3 } }]);
    expect(plan.skipped).toEqual([4]);
  });
  it('never updates when the group matches several records', () => {
    const plan = planImport(valid.slice(0, 1), [
      { rows: [2], existingIds: ['x', 'y'], reasons: ['name'], action: 'update' },
    ]);
    expect(plan).toEqual({ create: [], update: [], skipped: [2] });
  });
});
