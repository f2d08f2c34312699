import type { ReactNode } from 'react';
import classes from './table-cells.module.css';

/** A cell's main text: medium weight, one line, cut with an ellipsis. */
export function CellStrong({ children }: { children: ReactNode }) {
  return <span className={classes.strong}>{children}</span>;
}

/** A status shown as a light badge (looks like Mantine's `<Badge variant="light">`, drawn as a plain span). */
export function CellBadge({ children }: { children: ReactNode }) {
  return <span className={classes.badge}>{children}</span>;
}
