export const NOTARIZE_ENV: readonly ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

export function notarizeDecision(input: {
  platform: string;
  env: Record<string, string | undefined>;
}):
  | { notarize: true; appleId: string; appleIdPassword: string; teamId: string }
  | { notarize: false; reason: string };

export default function afterSign(context: {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}): Promise<void>;
