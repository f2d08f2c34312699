// electron-builder `afterSign` hook (build/electron-builder.yml): sends the signed macOS app to Apple's notary
// service, so Gatekeeper opens it without warnings on other Macs. It runs only for macOS builds and only when
// the Apple credentials are in the environment; electron-builder's built-in notarization is turned off
// (`mac.notarize: false`) so the app is never notarized twice.
//
//   APPLE_ID                     the Apple ID of the Developer Program account
//   APPLE_APP_SPECIFIC_PASSWORD  an app-specific password for it (appleid.apple.com → Sign-In and Security)
//   APPLE_TEAM_ID                the 10-character team id of the "Developer ID Application" certificate
//
// With none of them set (a developer's unsigned build) the hook says so and does nothing. With only some of
// them set the release is misconfigured: the hook fails the build rather than ship an app Gatekeeper blocks.
import { join } from 'node:path';

export const NOTARIZE_ENV = /** @type {const} */ ([
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
]);

/**
 * @param {{ platform: string, env: Record<string, string | undefined> }} input
 * @returns {{ notarize: true, appleId: string, appleIdPassword: string, teamId: string } | { notarize: false, reason: string }}
 */
export function notarizeDecision({ platform, env }) {
  if (platform !== 'darwin') return { notarize: false, reason: `not a macOS build (${platform})` };
  const missing = NOTARIZE_ENV.filter((name) => !env[name]);
  if (missing.length === NOTARIZE_ENV.length) {
    return {
      notarize: false,
      reason: `${NOTARIZE_ENV.join(', ')} are not set (unsigned development build)`,
    };
  }
  if (missing.length > 0) {
    throw new Error(
      `Notarization is half configured: ${missing.join(', ')} missing (set all of ${NOTARIZE_ENV.join(', ')} or none)`,
    );
  }
  return {
    notarize: true,
    appleId: /** @type {string} */ (env.APPLE_ID),
    appleIdPassword: /** @type {string} */ (env.APPLE_APP_SPECIFIC_PASSWORD),
    teamId: /** @type {string} */ (env.APPLE_TEAM_ID),
  };
}

/**
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context
 */
export default async function afterSign(context) {
  const decision = notarizeDecision({ platform: context.electronPlatformName, env: process.env });
  if (!decision.notarize) {
    console.log(`[notarize] skipped: ${decision.reason}`);
    return;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  // A dependency of electron-builder (app-builder-lib), so no extra install is needed.
  const notarizeModule = await import('@electron/notarize');
  const notarize = notarizeModule.notarize ?? notarizeModule.default.notarize;
  console.log(
    `[notarize] submitting ${appPath} (team ${decision.teamId}); this takes a few minutes`,
  );
  await notarize({
    appPath,
    appleId: decision.appleId,
    appleIdPassword: decision.appleIdPassword,
    teamId: decision.teamId,
  });
  console.log('[notarize] done');
}
