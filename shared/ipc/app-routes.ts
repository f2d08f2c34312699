/**
 * The app's in-window routes that the main process may ask the renderer to open (deep links, clicked
 * reminders, the Go menu). Shared so the main process builds them and the renderer checks them with the same
 * rules: a route that does not match here is never handed to the router.
 */

/** Record kinds a `crm://<kind>/<id>` link can point at. */
export const RECORD_KINDS = ['account', 'contact', 'lead', 'deal', 'contract', 'ticket'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The router's first path segment for each record kind (`/accounts/<id>` …). */
export const RECORD_ROUTE_SEGMENTS: Readonly<Record<RecordKind, string>> = {
  account: 'accounts',
  contact: 'contacts',
  lead: 'leads',
  deal: 'deals',
  contract: 'contracts',
  ticket: 'tickets',
};

/**
 * Record ids as the app creates them: UUIDs (`crypto.randomUUID()`) and sample-data ids (`demo-acc-000001`).
 * Deliberately narrower than the domain's `idSchema`: no `/`, `%`, `.`, `?`, `#` or spaces, so an id can never
 * change which route is opened.
 */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Sections reachable without an id (the Go menu, the settings command, a grouped inbox notification). */
export const SECTION_ROUTES = [
  '/',
  '/inbox',
  '/accounts',
  '/contacts',
  '/leads',
  '/deals',
  '/contracts',
  '/tickets',
  '/settings',
] as const;
export type SectionRoute = (typeof SECTION_ROUTES)[number];

const SEGMENTS: ReadonlySet<string> = new Set(Object.values(RECORD_ROUTE_SEGMENTS));

/** `true` when `id` is a well-formed record id (see {@link RECORD_ID_PATTERN}). */
export function isRecordId(id: unknown): id is string {
  return typeof id === 'string' && RECORD_ID_PATTERN.test(id);
}

/** The route of one record (`account`, `acc-1` → `/accounts/acc-1`), or `null` for a malformed id. */
export function recordRoute(kind: RecordKind, id: string): string | null {
  return isRecordId(id) ? `/${RECORD_ROUTE_SEGMENTS[kind]}/${id}` : null;
}

/** Longer strings are refused outright; the longest real route is `/contracts/` + a 64-character id. */
export const MAX_APP_ROUTE_LENGTH = 100;

/**
 * Is `value` a route the main process may send to the renderer: a section (`/accounts`, `/settings`) or a
 * record (`/deals/<id>`)? Query strings, fragments, `..` and anything else are refused.
 */
export function isAppRoute(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_APP_ROUTE_LENGTH) return false;
  if ((SECTION_ROUTES as readonly string[]).includes(value)) return true;
  const parts = value.split('/');
  // ['', segment, id]
  return (
    parts.length === 3 && parts[0] === '' && SEGMENTS.has(parts[1] ?? '') && isRecordId(parts[2])
  );
}
