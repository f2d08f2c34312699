import { describe, expect, it } from 'vitest';
import { exportColumns } from './export-menu';
import type { Column } from './virtual-table';

interface Row {
  name: string;
  amount: number;
  hidden: boolean;
}

describe('exportColumns', () => {
  it('takes the list’s own columns that say how they export, in order, with their headers', () => {
    const columns: Column<Row>[] = [
      {
        key: 'name',
        header: '公司全称',
        render: (r) => r.name,
        export: { type: 'text', value: (r) => r.name },
      },
      { key: 'actions', header: '操作', render: () => null },
      {
        key: 'amount',
        header: '金额',
        render: (r) => r.amount,
        export: { type: 'money', value: (r) => (r.hidden ? null : r.amount) },
      },
      {
        key: 'icon',
        header: null,
        render: () => null,
        export: { type: 'text', value: () => 'x', header: 'Icon' },
      },
    ];
    const out = exportColumns(columns);
    expect(out.map((c) => [c.key, c.header, c.type])).toEqual([
      ['name', '公司全称', 'text'],
      ['amount', '金额', 'money'],
      ['icon', 'Icon', 'text'],
    ]);
    // A field the policy hides is empty, never the replica's neutral 0.
    expect(out[1].value({ name: 'a', amount: 0, hidden: true })).toBeNull();
    expect(out[1].value({ name: 'a', amount: 0, hidden: false })).toBe(0);
  });
});
