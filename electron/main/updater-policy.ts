import { fill, type MainTexts } from './main-i18n';

/**
 * When the app updates itself (electron-updater) and what it asks the person. Pure; updater-adapter.ts wires
 * it to electron-updater. Principles: never update a development run or a test run, never let an update
 * problem stop the app (errors are logged), and never restart without asking.
 */

export interface UpdaterEnvironment {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether electron-builder wrote `resources/app-update.yml` (a feed URL was configured at packaging time). */
  hasBakedFeed: boolean;
}

export type UpdaterDecision =
  | {
      enabled: true;
      /** A feed URL that overrides the packaged one (`CRM_UPDATE_URL`), or null to use app-update.yml. */
      feedUrl: string | null;
    }
  | { enabled: false; reason: string };

/** Environment variables that mean "this is an automated run": never download or install updates there. */
export const TEST_ENV_FLAGS = ['CI', 'CRM_E2E', 'PLAYWRIGHT_TEST', 'VITEST'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * A feed URL we accept: https (http only to a loopback host, for trying a release locally), no credentials
 * (they would end up in logs), at most 2048 characters. Returns the normalised URL or null.
 */
export function parseFeedUrl(raw: string): string | null {
  if (raw.length > 2048 || raw.trim() !== raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url.href;
  return null;
}

/** Whether to run the updater at all, and against which feed. The first rule that applies decides. */
export function decideUpdater({
  isPackaged,
  platform,
  env,
  hasBakedFeed,
}: UpdaterEnvironment): UpdaterDecision {
  if (!isPackaged) return { enabled: false, reason: 'development build (not packaged)' };
  if (isSet(env.CRM_DISABLE_UPDATES))
    return { enabled: false, reason: 'turned off by CRM_DISABLE_UPDATES' };
  if (env.NODE_ENV === 'test')
    return { enabled: false, reason: 'running under test (NODE_ENV=test)' };
  const flag = TEST_ENV_FLAGS.find((name) => isSet(env[name]));
  if (flag !== undefined) return { enabled: false, reason: `running under test/CI (${flag})` };
  // electron-updater can replace only an AppImage on Linux (deb/rpm/unpacked builds update through the OS).
  if (platform === 'linux' && !env.APPIMAGE)
    return { enabled: false, reason: 'on Linux only the AppImage updates itself' };
  const override = env.CRM_UPDATE_URL;
  if (override !== undefined && override !== '') {
    const feedUrl = parseFeedUrl(override);
    return feedUrl === null
      ? { enabled: false, reason: 'CRM_UPDATE_URL is not an https URL without credentials' }
      : { enabled: true, feedUrl };
  }
  if (hasBakedFeed) return { enabled: true, feedUrl: null };
  return {
    enabled: false,
    reason: 'no update feed configured (CRM_UPDATE_URL was not set when packaging)',
  };
}

/** First check a little after start-up (the window and the local data come first), then every 6 hours. */
export const UPDATE_FIRST_CHECK_DELAY_MS = 30_000;
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Remembers which downloaded versions the person was already asked about, so "Later" is not followed by the
 * same question at every periodic check; and never stacks two dialogs.
 */
export interface RestartPromptState {
  askedVersions: Set<string>;
  dialogOpen: boolean;
}

export function createRestartPromptState(): RestartPromptState {
  return { askedVersions: new Set(), dialogOpen: false };
}

/** On `update-downloaded`: ask now, or stay quiet (already asked about this version, or a dialog is open). */
export function decideOnUpdateDownloaded(
  version: string,
  state: RestartPromptState,
): 'ask' | 'stay-quiet' {
  if (state.dialogOpen || state.askedVersions.has(version)) return 'stay-quiet';
  return 'ask';
}

export interface RestartPrompt {
  type: 'info';
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  defaultId: 0;
  cancelId: 1;
  noLink: true;
}

// The version string comes from the update feed: show it only if it looks like a version.
const VERSION_PATTERN = /^\d{1,5}\.\d{1,5}\.\d{1,5}(?:-[0-9A-Za-z.-]{1,40})?$/;

/** The question shown when an update is ready: restart now (default) or later. */
export function buildRestartPrompt(version: string, texts: MainTexts['update']): RestartPrompt {
  const shown = VERSION_PATTERN.test(version) ? version : '';
  return {
    type: 'info',
    title: texts.title,
    message: fill(texts.message, { version: shown }).replace(/\s+/g, ' ').trim(),
    detail: texts.detail,
    buttons: [texts.restartNow, texts.later],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/** The person chose "restart now". */
export function shouldRestartNow(response: number): boolean {
  return response === 0;
}

/** One line for the log: an updater error's message without a stack (network errors are expected offline). */
export function describeUpdaterError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n', 1)[0] ?? '';
  return firstLine.slice(0, 500);
}
