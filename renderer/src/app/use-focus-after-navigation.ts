import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long a page may take to show its heading (a record page waits for its chunk and its record). */
const HEADING_WAIT_MS = 5000;

/** The page's main heading: the first h1/h2 in the main region. */
function headingIn(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('h1, h2');
}

/**
 * Focus never stays lost on `<body>` after the page changes (issue 16). When a navigation leaves focus nowhere
 * — the element that had it was removed, e.g. the save button of a dialog that opened the new record's page —
 * focus moves to the main region at once and then to the new page's heading when it is rendered, so keyboard
 * and screen reader users continue from the top of the new page. A focus the person or the page placed
 * elsewhere (a nav link, a search field, a restored list row) is left alone. The first screen is left alone
 * too: there the first Tab stop must stay the skip link.
 */
export function useFocusAfterNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    const lost = () => document.activeElement === null || document.activeElement === document.body;
    let observer: MutationObserver | null = null;
    let timer = 0;
    const stop = () => {
      observer?.disconnect();
      window.clearTimeout(timer);
    };
    const toHeading = () => {
      // Only focus that we placed on the main region (or that is lost) is moved on.
      if (!lost() && document.activeElement !== main) return stop();
      const heading = headingIn(main);
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      stop();
    };
    // After the browser settles the removal of the old page (and a dialog's own focus return, 10 ms).
    const start = window.setTimeout(() => {
      if (!lost()) return;
      main.focus({ preventScroll: true });
      toHeading();
      if (document.activeElement !== main) return;
      observer = new MutationObserver(toHeading);
      observer.observe(main, { childList: true, subtree: true });
      timer = window.setTimeout(stop, HEADING_WAIT_MS);
    }, 50);
    return () => {
      window.clearTimeout(start);
      stop();
    };
  }, [pathname, mainRef]);
}
