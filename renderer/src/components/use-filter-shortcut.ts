import { useRef } from 'react';
import { useShortcut } from './shortcuts/use-shortcut';

/**
 * `/` on a list page puts the focus in the list's search field (issue 16). Returns the ref to give that field.
 */
export function useFilterShortcut<E extends HTMLElement = HTMLInputElement>() {
  const ref = useRef<E>(null);
  useShortcut('filter', () => {
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement) ref.current.select();
  });
  return ref;
}
