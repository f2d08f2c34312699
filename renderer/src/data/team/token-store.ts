import { z } from 'zod';
import { getBridge } from '../../platform/bridge';

const storedTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAt: z.number(),
});
export type StoredTokens = z.infer<typeof storedTokens>;

/**
 * Where a team session's tokens live. In the desktop app: the OS keychain through the preload bridge
 * (Electron safeStorage; never localStorage). In a plain browser (the web build): sessionStorage — scoped
 * to the tab and gone when it closes — because a browser has no keychain to offer.
 */
export const tokenStore = {
  async load(key: string): Promise<StoredTokens | null> {
    const raw = window.crm ? await readVault(key) : sessionStorage.getItem(`crm.tokens.${key}`);
    if (!raw) return null;
    try {
      const parsed = storedTokens.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  },
  async save(key: string, tokens: StoredTokens): Promise<void> {
    const value = JSON.stringify(storedTokens.parse(tokens));
    if (window.crm) {
      // Refused (no OS keychain, e.g. Linux without a secret service): never fall back to plain text.
      const result = await getBridge().setToken(vaultKey(key), value);
      if (!result.ok) throw new Error('vault_unavailable');
    } else sessionStorage.setItem(`crm.tokens.${key}`, value);
  },
  async clear(key: string): Promise<void> {
    if (window.crm) await getBridge().deleteToken(vaultKey(key));
    else sessionStorage.removeItem(`crm.tokens.${key}`);
  },
};

function vaultKey(key: string): string {
  return `sync:${key}`.replace(/[^\x21-\x7e]/g, '_').slice(0, 200);
}

async function readVault(key: string): Promise<string | null> {
  const result = await getBridge().getToken(vaultKey(key));
  return result.ok ? result.token : null;
}
