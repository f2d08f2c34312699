import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFileVaultStorage,
  createTokenVault,
  isStrongEncryption,
  type SecretCipher,
  VaultUnavailableError,
} from './token-vault';

/** A stand-in for safeStorage: reversible, but the stored bytes never contain the plain text. */
function fakeCipher(overrides: Partial<SecretCipher> = {}): SecretCipher {
  return {
    isAvailable: () => Promise.resolve(true),
    encrypt: (plainText) =>
      Promise.resolve(Uint8Array.from(Buffer.from(`enc:${plainText}`).map((byte) => byte ^ 0x5a))),
    decrypt: (cipherText) => {
      const text = Buffer.from(cipherText.map((byte) => byte ^ 0x5a)).toString();
      if (!text.startsWith('enc:')) return Promise.reject(new Error('bad key'));
      return Promise.resolve({ plainText: text.slice(4), shouldReEncrypt: false });
    },
    ...overrides,
  };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vault-'));
  file = join(dir, 'secrets', 'tokens.json');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function vault(cipher = fakeCipher(), onWarning = vi.fn()) {
  return {
    vault: createTokenVault({ cipher, storage: createFileVaultStorage(file), onWarning }),
    onWarning,
  };
}

describe('createTokenVault', () => {
  it('stores, reads back and never writes the token in plain text', async () => {
    const { vault: v } = vault();
    await v.set('sync:https://crm.example.com', 'secret-token-123');
    expect(await v.get('sync:https://crm.example.com')).toBe('secret-token-123');
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('secret-token-123');
    expect(JSON.parse(onDisk)).toMatchObject({
      version: 1,
      tokens: { 'sync:https://crm.example.com': expect.any(String) as string },
    });
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by its owner only', async () => {
    const { vault: v } = vault();
    await v.set('sync', 't');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('returns null for a key it does not have', async () => {
    const { vault: v } = vault();
    expect(await v.get('nothing')).toBeNull();
    await v.set('a', '1');
    expect(await v.get('b')).toBeNull();
  });

  it('refuses to store without OS encryption and writes nothing', async () => {
    const { vault: v } = vault(fakeCipher({ isAvailable: () => Promise.resolve(false) }));
    await expect(v.set('sync', 'secret')).rejects.toBeInstanceOf(VaultUnavailableError);
    await expect(v.get('sync')).rejects.toBeInstanceOf(VaultUnavailableError);
    expect(existsSync(file)).toBe(false);
  });

  it('deletes one token and removes the file with the last one', async () => {
    const { vault: v } = vault();
    await v.set('a', '1');
    await v.set('b', '2');
    await v.delete('a');
    expect(await v.get('a')).toBeNull();
    expect(await v.get('b')).toBe('2');
    await v.delete('b');
    expect(existsSync(file)).toBe(false);
    await expect(v.delete('never-there')).resolves.toBeUndefined();
  });

  it('deletes and clears even without encryption (signing out must always work)', async () => {
    await vault().vault.set('a', '1');
    const { vault: locked } = vault(fakeCipher({ isAvailable: () => Promise.resolve(false) }));
    await locked.delete('a');
    await vault().vault.set('b', '2');
    await locked.clear();
    expect(existsSync(file)).toBe(false);
  });

  it('starts empty from a damaged file and says so', async () => {
    const { vault: v, onWarning } = vault();
    await v.set('a', '1');
    writeFileSync(file, '{not json');
    expect(await v.get('a')).toBeNull();
    expect(onWarning).toHaveBeenCalledWith(
      'token vault file is damaged; starting empty',
      expect.any(SyntaxError),
    );
    writeFileSync(file, JSON.stringify({ version: 2, tokens: {} }));
    expect(await v.get('a')).toBeNull();
    expect(onWarning).toHaveBeenCalledWith(
      'token vault file has an unknown format; starting empty',
    );
  });

  it('forgets a token that no longer decrypts (keychain reset)', async () => {
    const { vault: v } = vault();
    await v.set('a', '1');
    await v.set('b', '2');
    const broken = fakeCipher({ decrypt: () => Promise.reject(new Error('bad key')) });
    const { vault: other, onWarning } = vault(broken);
    expect(await other.get('a')).toBeNull();
    expect(onWarning).toHaveBeenCalledWith(
      'token "a" could not be decrypted; it was removed',
      expect.any(Error),
    );
    expect(
      Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { tokens: object }).tokens),
    ).toEqual(['b']);
  });

  it('re-encrypts when the OS rotated its key', async () => {
    const { vault: v } = vault();
    await v.set('a', '1');
    const before = readFileSync(file, 'utf8');
    let encryptions = 0;
    const rotating = fakeCipher({
      decrypt: (bytes) =>
        fakeCipher()
          .decrypt(bytes)
          .then((result) => ({ ...result, shouldReEncrypt: true })),
      encrypt: (plainText) => {
        encryptions += 1;
        return fakeCipher().encrypt(plainText);
      },
    });
    expect(await vault(rotating).vault.get('a')).toBe('1');
    expect(encryptions).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('runs concurrent writes one after another (none is lost)', async () => {
    const { vault: v } = vault();
    await Promise.all(Array.from({ length: 20 }, (_, index) => v.set(`k${index}`, `t${index}`)));
    const stored = (JSON.parse(readFileSync(file, 'utf8')) as { tokens: object }).tokens;
    expect(Object.keys(stored)).toHaveLength(20);
    expect(await v.get('k13')).toBe('t13');
  });

  it('keeps working after a failed operation', async () => {
    let fail = true;
    const flaky = fakeCipher({
      encrypt: (plainText) =>
        fail ? Promise.reject(new Error('keychain locked')) : fakeCipher().encrypt(plainText),
    });
    const { vault: v } = vault(flaky);
    await expect(v.set('a', '1')).rejects.toThrow('keychain locked');
    fail = false;
    await v.set('a', '1');
    expect(await v.get('a')).toBe('1');
  });
});

describe('isStrongEncryption', () => {
  it.each([
    ['macOS Keychain', { platform: 'darwin', available: true }, true],
    ['Windows DPAPI', { platform: 'win32', available: true }, true],
    ['not available', { platform: 'win32', available: false }, false],
    [
      'Linux with GNOME Keyring',
      { platform: 'linux', available: true, linuxBackend: 'gnome_libsecret' },
      true,
    ],
    ['Linux with KWallet', { platform: 'linux', available: true, linuxBackend: 'kwallet6' }, true],
    [
      'Linux without a secret service (basic_text)',
      { platform: 'linux', available: true, linuxBackend: 'basic_text' },
      false,
    ],
    [
      'Linux before ready (unknown)',
      { platform: 'linux', available: true, linuxBackend: 'unknown' },
      false,
    ],
    ['Linux without a backend name', { platform: 'linux', available: true }, false],
  ] as const)('%s → %s', (_name, input, expected) => {
    expect(isStrongEncryption(input)).toBe(expected);
  });
});
