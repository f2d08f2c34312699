import { ComboboxChevron, InputBase, Select, type SelectProps } from '@mantine/core';
import { useFirstContentShown } from './after-first-content';

/** The label of `value` among a Select's plain `{ value, label }` options (what the closed picker shows). */
function labelOf(data: SelectProps['data'], value: string | null | undefined): string {
  if (value == null || !Array.isArray(data)) return '';
  for (const item of data) {
    if (typeof item === 'string') {
      if (item === value) return item;
    } else if ('value' in item && item.value === value) return item.label;
  }
  return '';
}

/**
 * A Select that, on the screen the app starts on, mounts once that screen's first content is shown (cold start,
 * B6); until then it is drawn as the closed picker: the same input, placeholder, value and chevron, read-only.
 * Mantine's Select sets its anchor element in state while committing (floating-ui), which renders it — and,
 * for five of them, the list's filter bar — a second time before the first rows can be painted.
 * The look-alike is inert (no clicks, not in the tab order) for that moment, and draws what a closed picker with
 * plain `{ value, label }` options shows (placeholder or the chosen label, the chevron): enough for filter bars
 * that start empty, not for grouped options or a clear button on a preset value.
 */
export function DeferredSelect(props: SelectProps) {
  const shown = useFirstContentShown();
  if (shown) return <Select {...props} />;
  const { w, placeholder, data, value, size } = props;
  return (
    <InputBase
      readOnly
      pointer
      tabIndex={-1}
      w={w}
      size={size}
      placeholder={placeholder}
      value={labelOf(data, value)}
      aria-label={props['aria-label']}
      rightSection={<ComboboxChevron size={size} />}
      rightSectionPointerEvents="none"
      data-deferred-select
    />
  );
}
