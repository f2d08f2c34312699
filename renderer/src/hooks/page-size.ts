/** Rows per page of every list. Its own module so start-up code can use it without the hooks. */
export const PAGE_SIZE = 100;
