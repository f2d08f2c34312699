import { isRecordId, RECORD_KINDS, type RecordKind, recordRoute } from '@shared/ipc/app-routes';

/**
 * `crm://<kind>/<id>` links (from e-mail, chat, a colleague's "copy link"): which record they open. Pure; the
 * links arrive from outside the app (argv on Windows/Linux, `open-url` on macOS), so they are parsed strictly and
 * anything unexpected is refused rather than repaired.
 */

export const DEEP_LINK_SCHEME = 'crm';
/** Real links are far shorter; longer input is refused before it is looked at. */
export const MAX_DEEP_LINK_LENGTH = 512;

export interface DeepLink {
  kind: RecordKind;
  id: string;
  /** The in-app route that shows the record, e.g. `/accounts/acc-1`. */
  route: string;
}

const PREFIX = `${DEEP_LINK_SCHEME}://`;
// Controls, whitespace and the characters that would make the link mean something else once a URL parser or
// the router sees it (query, fragment, credentials, escapes, Windows separators).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f?#@%\\]/;
const KINDS: ReadonlySet<string> = new Set(RECORD_KINDS);

function isRecordKind(value: string): value is RecordKind {
  return KINDS.has(value);
}

/**
 * Parses `crm://account/<id>` (also `contact`, `lead`, `deal`, `contract`, `ticket`; the scheme and kind in any
 * letter case; one trailing slash tolerated because some browsers and chat apps add it). Returns `null` for
 * anything else: another scheme, an unknown kind, a malformed id, extra path segments, a query or fragment.
 */
export function parseDeepLink(raw: unknown): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH || FORBIDDEN.test(raw))
    return null;
  if (raw.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const parts = raw.slice(PREFIX.length).split('/');
  if (parts.length === 3 && parts[2] === '') parts.pop();
  if (parts.length !== 2) return null;
  const kind = (parts[0] ?? '').toLowerCase();
  const id = parts[1] ?? '';
  if (!isRecordKind(kind) || !isRecordId(id)) return null;
  const route = recordRoute(kind, id);
  return route === null ? null : { kind, id, route };
}

/**
 * The deep link in a command line: Windows and Linux start the app (or hand the second instance's argv to the
 * first) with the link as an argument. The first argument that starts with `crm:` decides; if that one is
 * malformed the result is `null` (a later, valid-looking argument is not searched for).
 */
export function findDeepLinkInArgv(argv: readonly string[]): DeepLink | null {
  const candidate = argv.find(
    (arg) => arg.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`,
  );
  return candidate === undefined ? null : parseDeepLink(candidate);
}

export interface ProtocolRegistrationInput {
  isPackaged: boolean;
  /** Under automated tests the OS registration (registry, Launch Services) must not be touched. */
  underTest: boolean;
}

/**
 * Whether to call `app.setAsDefaultProtocolClient('crm')` at start-up. Only an installed build registers
 * itself (the NSIS installer, the macOS Info.plist and the Linux .desktop file also declare the scheme); a
 * development run would otherwise point every `crm://` link on the developer's machine at a bare Electron.
 */
export function shouldRegisterProtocolClient({
  isPackaged,
  underTest,
}: ProtocolRegistrationInput): boolean {
  return isPackaged && !underTest;
}
