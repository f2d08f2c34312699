import { useCallback, useState } from 'react';
import { Button, Checkbox, VisuallyHidden } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MergeKind } from '@shared/rules/merge-plan';
import type { Column } from '../virtual-table';
import { mergeHref } from './merge-href';

/**
 * Selecting rows of a list to merge them (issue 19): a checkbox column (out of the Tab order like every control
 * in a grid row; `x` on the focused row toggles it) and the 合并 / Merge button once two or more are selected.
 */
export function useMergeSelection<T extends { id: string; name: string }>(kind: MergeKind) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = useCallback(
    (id: string) =>
      setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
    [],
  );

  const column: Column<T> = {
    key: 'merge-select',
    header: <VisuallyHidden>{t('merge.select')}</VisuallyHidden>,
    width: 44,
    render: (row) => (
      // A click on the box selects; it must not open the row.
      <div onClick={(event) => event.stopPropagation()}>
        <Checkbox
          tabIndex={-1}
          aria-keyshortcuts="x"
          aria-label={t('merge.selectRow', { name: row.name })}
          checked={selected.includes(row.id)}
          onChange={() => toggle(row.id)}
          data-testid="merge-select"
        />
      </div>
    ),
  };

  /** The grid's row key handler: `x` toggles the focused row. */
  const handleRowKey = (key: string, row: T): boolean => {
    if (key !== 'x') return false;
    toggle(row.id);
    return true;
  };

  const button =
    selected.length >= 2 ? (
      <Button
        variant="default"
        leftSection={<IconArrowMerge size={16} />}
        onClick={() => void navigate(mergeHref(kind, selected))}
        data-testid="merge-selected"
      >
        {t('merge.action', { count: selected.length })}
      </Button>
    ) : null;

  return { column, handleRowKey, button, selected };
}
