import { useEffect, useState, type ReactNode } from 'react';
import { firstContentShown, hasFirstContentShown } from '../platform/startup';

/** True once the frame showing the start's first content has passed (at once on every later screen). */
export function useFirstContentShown(): boolean {
  const [shown, setShown] = useState(hasFirstContentShown);
  useEffect(() => {
    if (shown) return;
    let active = true;
    void firstContentShown().then(() => {
      if (active) setShown(true);
    });
    return () => {
      active = false;
    };
  }, [shown]);
  return shown;
}

/**
 * Renders `placeholder` until the start's first content is on screen, then `children` (cold start, B6).
 * For controls beside the first list whose mounting is costly but not needed to see it — Mantine's pickers and
 * menus measure their anchors in layout effects, which renders them a second time before the list's first
 * paint. The placeholder should take the same space and look the same, so the swap does not move anything.
 */
export function AfterFirstContent({
  children,
  placeholder,
}: {
  children: ReactNode;
  placeholder: ReactNode;
}) {
  return useFirstContentShown() ? children : placeholder;
}
