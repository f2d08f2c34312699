export type ElectronBinaryLookup =
  { found: true; executablePath: string } | { found: false; reason: string };

export function findElectronBinary(options: {
  rootDir: string;
  env?: Record<string, string | undefined>;
}): ElectronBinaryLookup;

export const ELECTRON_MISSING_NOTE: string;
