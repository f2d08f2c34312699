import { useCallback, useEffect, useState } from 'react';

export interface LazyDialog {
  /** Render the dialog only while this is true (from the first open on). */
  mounted: boolean;
  /** The dialog's `opened` prop. */
  opened: boolean;
  open: () => void;
  close: () => void;
}

/**
 * A dialog that is not built until it is first wanted, yet returns focus to its trigger when it closes (issue 16).
 * Mantine's Modal remembers the element to return focus to when its `opened` prop changes from false to true,
 * and gives focus back when it changes to false: a Modal mounted already open, and unmounted to close it,
 * does neither, and focus falls to `<body>` (the new-account dialog did this; the new-deal one, always mounted,
 * did not). So the first open mounts the dialog closed and opens it one render later, and closing keeps it
 * mounted.
 */
export function useLazyDialog(): LazyDialog {
  const [state, setState] = useState<'unmounted' | 'mounting' | 'open' | 'closed'>('unmounted');
  useEffect(() => {
    if (state === 'mounting') setState('open');
  }, [state]);
  const open = useCallback(
    () => setState((current) => (current === 'unmounted' ? 'mounting' : 'open')),
    [],
  );
  const close = useCallback(
    () => setState((current) => (current === 'unmounted' ? current : 'closed')),
    [],
  );
  return { mounted: state !== 'unmounted', opened: state === 'open', open, close };
}
