import { useDrill, type DrillTarget } from '../../drill-drawer';

/**
 * `barProps` for a @mantine/charts BarChart whose bars drill down: recharts passes the bar's data index, which is
 * the row of the chart's table.
 */
export function useBarDrill<Row>(rows: readonly Row[], drill: (row: Row) => DrillTarget | null) {
  const openDrill = useDrill();
  return {
    cursor: 'pointer',
    onClick: (_bar: unknown, index: number) => {
      const row = rows[index];
      const target = row === undefined ? null : drill(row);
      if (target) openDrill(target);
    },
  };
}

/** Business ms → hours with one decimal, for the tables and charts (null stays null: '—'). */
export const hoursOf = (ms: number | null): number | null =>
  ms === null ? null : Math.round(ms / 360_000) / 10;
