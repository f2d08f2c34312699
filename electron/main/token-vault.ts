import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * Tokens for the team sync server, encrypted with the OS keychain (Electron `safeStorage`: Keychain on macOS,
 * DPAPI on Windows, libsecret/KWallet on Linux) and kept in one file in userData — never in localStorage,
 * where any script in the page or anyone with the disk could read them. When no real encryption is available
 * the vault refuses to store anything rather than writing a token in plain text (the person then signs in again
 * each session). Pure apart from the file storage, which is injected; vault-adapter.ts provides safeStorage.
 */

/** The encryption the vault uses; Electron's `safeStorage` in the app, a fake in tests. */
export interface SecretCipher {
  /** Whether strong, OS-backed encryption is available right now (see {@link isStrongEncryption}). */
  isAvailable: () => Promise<boolean>;
  encrypt: (plainText: string) => Promise<Uint8Array>;
  /** `shouldReEncrypt`: the OS rotated its key; write the value again to re-encrypt it with the new one. */
  decrypt: (cipherText: Uint8Array) => Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

/** Where the encrypted document lives. */
export interface VaultStorage {
  /** The file's text, or null when there is none. */
  read: () => Promise<string | null>;
  write: (text: string) => Promise<void>;
  remove: () => Promise<void>;
}

/** The OS keychain is not available; nothing was read or written. */
export class VaultUnavailableError extends Error {
  constructor() {
    super('OS-backed encryption is not available; tokens are not stored');
    this.name = 'VaultUnavailableError';
  }
}

export interface TokenVault {
  /** The token stored under `key`, or null. Throws VaultUnavailableError without OS encryption. */
  get: (key: string) => Promise<string | null>;
  /** Encrypts and stores a token. Throws VaultUnavailableError (and writes nothing) without OS encryption. */
  set: (key: string, token: string) => Promise<void>;
  /** Forgets one token (works without encryption: nothing secret is written). */
  delete: (key: string) => Promise<void>;
  /** Forgets every token and removes the file. */
  clear: () => Promise<void>;
}

export interface StrongEncryptionInput {
  platform: NodeJS.Platform;
  /** `safeStorage.isAsyncEncryptionAvailable()`. */
  available: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux. */
  linuxBackend?: string;
}

/**
 * On Linux without a secret service (no GNOME Keyring / KWallet, e.g. a bare window manager), Chromium falls
 * back to `basic_text`: "encryption" with a hard-coded key, i.e. plain text in disguise. That does not count.
 */
export function isStrongEncryption({
  platform,
  available,
  linuxBackend,
}: StrongEncryptionInput): boolean {
  if (!available) return false;
  if (platform !== 'linux') return true;
  return linuxBackend !== undefined && linuxBackend !== 'basic_text' && linuxBackend !== 'unknown';
}

const vaultFileSchema = z.object({
  version: z.literal(1),
  tokens: z.record(z.string(), z.string()),
});

// Base64 in the file; the key names are not secret.
function encode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
function decode(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}

export interface TokenVaultOptions {
  cipher: SecretCipher;
  storage: VaultStorage;
  /** Problems that are handled but worth a log line (a damaged file, a token that no longer decrypts). */
  onWarning?: (message: string, error?: unknown) => void;
}

export function createTokenVault({ cipher, storage, onWarning }: TokenVaultOptions): TokenVault {
  // Every operation runs after the previous one: read-modify-write of one file must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation, operation);
    // The queue only orders operations: the caller gets this one's failure from `result`.
    queue = result.catch(() => undefined);
    return result;
  };

  async function load(): Promise<Map<string, string>> {
    const text = await storage.read();
    if (text === null) return new Map();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      onWarning?.('token vault file is damaged; starting empty', error);
      return new Map();
    }
    const parsed = vaultFileSchema.safeParse(json);
    if (!parsed.success) {
      onWarning?.('token vault file has an unknown format; starting empty');
      return new Map();
    }
    return new Map(Object.entries(parsed.data.tokens));
  }

  async function save(tokens: Map<string, string>): Promise<void> {
    if (tokens.size === 0) {
      await storage.remove();
      return;
    }
    await storage.write(`${JSON.stringify({ version: 1, tokens: Object.fromEntries(tokens) })}\n`);
  }

  async function requireEncryption(): Promise<void> {
    if (!(await cipher.isAvailable())) throw new VaultUnavailableError();
  }

  return {
    get: (key) =>
      serial(async () => {
        await requireEncryption();
        const tokens = await load();
        const stored = tokens.get(key);
        if (stored === undefined) return null;
        let decrypted: { plainText: string; shouldReEncrypt: boolean };
        try {
          decrypted = await cipher.decrypt(decode(stored));
        } catch (error) {
          // Encrypted for another OS user or a keychain that was reset: useless now, so forget it.
          onWarning?.(`token "${key}" could not be decrypted; it was removed`, error);
          tokens.delete(key);
          await save(tokens);
          return null;
        }
        if (decrypted.shouldReEncrypt) {
          tokens.set(key, encode(await cipher.encrypt(decrypted.plainText)));
          await save(tokens);
        }
        return decrypted.plainText;
      }),
    set: (key, token) =>
      serial(async () => {
        await requireEncryption();
        const encrypted = encode(await cipher.encrypt(token));
        const tokens = await load();
        tokens.set(key, encrypted);
        await save(tokens);
      }),
    delete: (key) =>
      serial(async () => {
        const tokens = await load();
        if (!tokens.delete(key)) return;
        await save(tokens);
      }),
    clear: () => serial(() => storage.remove()),
  };
}

/** The vault document as a file readable by its owner only, replaced atomically on every write. */
export function createFileVaultStorage(filePath: string): VaultStorage {
  return {
    async read() {
      try {
        return await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(text) {
      await mkdir(dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
        await rename(temporary, filePath);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async remove() {
      await rm(filePath, { force: true });
    },
  };
}
