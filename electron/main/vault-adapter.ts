import { safeStorage } from 'electron';
import { isStrongEncryption, type SecretCipher } from './token-vault';

/** Electron's safeStorage (OS keychain) as the vault's cipher. Valid only after `app` is ready. */
export function createSafeStorageCipher(): SecretCipher {
  return {
    isAvailable: async () =>
      isStrongEncryption({
        platform: process.platform,
        available: await safeStorage.isAsyncEncryptionAvailable(),
        linuxBackend:
          process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
      }),
    encrypt: async (plainText) => new Uint8Array(await safeStorage.encryptStringAsync(plainText)),
    decrypt: async (cipherText) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
        Buffer.from(cipherText),
      );
      return { plainText: result, shouldReEncrypt };
    },
  };
}
