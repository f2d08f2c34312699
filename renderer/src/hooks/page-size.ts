/**
 * Rows per page of every list (and of the accounts list's first page that warm-replica.js reads before the
 * bundle: its FIRST_PAGE_SIZE must stay equal). Its own module so start-up code can use it without the hooks.
 */
export const PAGE_SIZE = 100;
