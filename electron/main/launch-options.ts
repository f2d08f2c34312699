import { isAbsolute } from 'node:path';

/**
 * Start-up switches read from the environment. Only development/test runs honour them: an installed app must
 * not be redirected to another data folder by an environment variable.
 */
export interface LaunchOptions {
  /** Under the Playwright electron suite or another automated run: no OS registration, no updates. */
  underTest: boolean;
  /** A fresh userData folder per e2e test (`CRM_USER_DATA_DIR`), or null for the normal one. */
  userDataDir: string | null;
}

export interface LaunchOptionsInput {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function resolveLaunchOptions({ isPackaged, env }: LaunchOptionsInput): LaunchOptions {
  const underTest = isSet(env.CRM_E2E) || env.NODE_ENV === 'test';
  const dir = env.CRM_USER_DATA_DIR;
  const usable =
    // eslint-disable-next-line no-control-regex -- a path with control characters is refused
    !isPackaged && dir !== undefined && isAbsolute(dir) && !/[\u0000-\u001f]/.test(dir);
  return { underTest, userDataDir: usable ? dir : null };
}
