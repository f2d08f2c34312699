import type { DrillTarget } from '../chart-card';

/**
 * recharts bar props that drill into the clicked bar's row (the same target the card's table rows open), so a
 * chart element and its table row lead to the same records.
 */
export function barDrillProps<Row>(
  rows: readonly Row[],
  drill: (row: Row) => DrillTarget | null,
  openDrill: (target: DrillTarget) => void,
) {
  return {
    cursor: 'pointer',
    onClick: (_bar: unknown, index: number) => {
      const row = rows[index];
      const target = row === undefined ? null : drill(row);
      if (target) openDrill(target);
    },
  };
}
