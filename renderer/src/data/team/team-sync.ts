import { BehaviorSubject } from 'rxjs';
import type { RxDatabase } from 'rxdb';
import type { Overruled, Rejection, SessionResponse } from '@shared/sync';
import type { RejectedRegistry } from '@sync/client';
import { SyncEngine, type SyncStatus } from '@sync/client/sync-engine';
import type { WebSocketLike } from '@sync/client/sync-connection';
import type { CrmDatabase } from '../database';
import { InboxRepository } from '../repositories/inbox-repository';
import type { Session } from '../session';
import type { z } from 'zod';
import { authClient, ApiCallError, callApi } from './auth-client';
import { tokenStore, type StoredTokens } from './token-store';
import { logError } from '../../platform/log';

/** Refresh a little before expiry so a reconnect never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

export interface TeamSyncState extends SyncStatus {
  /** The server refused our refresh token: sync stops until the person signs in again. */
  signedOut: boolean;
}

/**
 * The app's side of team sync: owns the engine for one team workspace, keeps tokens fresh (vault or
 * sessionStorage, never localStorage), records rejected changes in the local inbox, and follows the OS
 * network state (offline → pause, online → resume and resync).
 */
export class TeamSync {
  readonly state$ = new BehaviorSubject<TeamSyncState>({
    connection: 'offline',
    pending: 0,
    pendingEdits: 0,
    lastSyncedAt: null,
    initialDownload: null,
    revoked: false,
    signedOut: false,
  });
  readonly engine: SyncEngine;
  private tokens: StoredTokens | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly tokenKey: string;

  constructor(
    private readonly db: CrmDatabase,
    readonly session: Session,
    readonly rejected: RejectedRegistry,
  ) {
    this.tokenKey = `${session.serverUrl}|${session.userId}`;
    this.engine = new SyncEngine({
      db: db as unknown as RxDatabase,
      serverUrl: session.serverUrl ?? '',
      replicaKey: `${session.workspaceId}:${session.userId}`,
      getAccessToken: () => this.accessToken(),
      onUnauthorized: () => this.refresh(),
      createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
      rejected,
      onRejected: (rejection) => this.recordRejection(rejection),
      onOverruled: (overruled) => this.recordOverruled(overruled),
      // The stamps' node: this device as the server knows it (sessions from before issue 15 lack it: the
      // engine then generates one for this replica).
      deviceId: session.deviceId || undefined,
      store: { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) },
    });
    this.engine.status$.subscribe((status) =>
      this.state$.next({ ...this.state$.value, ...status }),
    );
  }

  /** Stores the tokens of a fresh sign-in (the connect screen calls this before the workspace opens). */
  static async saveSession(session: Session, response: SessionResponse): Promise<void> {
    await tokenStore.save(`${session.serverUrl}|${session.userId}`, {
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      accessExpiresAt: response.accessExpiresAt,
    });
  }

  async start(): Promise<void> {
    this.tokens = await tokenStore.load(this.tokenKey);
    if (!this.tokens) this.state$.next({ ...this.state$.value, signedOut: true });
    window.addEventListener('offline', this.handleOffline);
    window.addEventListener('online', this.handleOnline);
    await this.engine.start();
    if (!navigator.onLine) this.engine.pause();
  }

  async stop(): Promise<void> {
    window.removeEventListener('offline', this.handleOffline);
    window.removeEventListener('online', this.handleOnline);
    await this.engine.stop();
  }

  /**
   * Calls the server's REST API as this person (history, admin), refreshing the token once when it expired.
   * Throws ApiCallError (status 0 when offline).
   */
  async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const serverUrl = this.session.serverUrl ?? '';
    try {
      return await callApi(serverUrl, method, path, schema, body, await this.accessToken());
    } catch (error) {
      if (!(error instanceof ApiCallError) || error.status !== 401) throw error;
      await this.refresh();
      return callApi(serverUrl, method, path, schema, body, await this.accessToken());
    }
  }

  /** Signs this device out on the server and forgets its tokens. */
  async signOut(): Promise<void> {
    const tokens = this.tokens;
    await this.stop();
    if (tokens && this.session.serverUrl)
      // Best effort: this device forgets its tokens either way (offline sign-out must work).
      await authClient
        .logout(this.session.serverUrl, tokens.refreshToken)
        .catch((error: unknown) => logError('sign out on the server', error));
    await tokenStore.clear(this.tokenKey);
  }

  /**
   * A current access token for other calls to the same server (the document engine asks socket tickets with
   * it), refreshed first when it is about to expire. Rejects when signed out.
   */
  getAccessToken(): Promise<string> {
    return this.accessToken();
  }

  /** Exchanges the refresh token now (the server refused the access token). */
  refreshAccessToken(): Promise<void> {
    return this.refresh();
  }

  private readonly handleOffline = () => this.engine.pause();
  private readonly handleOnline = () => this.engine.resume();

  private async accessToken(): Promise<string> {
    if (!this.tokens) throw new Error('signed out');
    if (this.tokens.accessExpiresAt - REFRESH_MARGIN_MS < Date.now()) await this.refresh();
    return this.tokens.accessToken;
  }

  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        if (!this.tokens || !this.session.serverUrl) throw new Error('signed out');
        const next = await authClient.refresh(this.session.serverUrl, this.tokens.refreshToken);
        this.tokens = {
          accessToken: next.accessToken,
          refreshToken: next.refreshToken,
          accessExpiresAt: next.accessExpiresAt,
        };
        await tokenStore.save(this.tokenKey, this.tokens);
      } catch (error) {
        if (error instanceof ApiCallError && error.status === 401) {
          if (error.error.code === 'device_revoked')
            this.state$.next({ ...this.state$.value, revoked: true });
          this.tokens = null;
          this.state$.next({ ...this.state$.value, signedOut: true });
          this.engine.pause();
        }
        throw error;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private async recordRejection(rejection: Rejection): Promise<void> {
    await new InboxRepository(this.db).add(rejection, Date.now());
  }

  /** "Edited later on another laptop": each lost value goes to the inbox (the history keeps it too). */
  private async recordOverruled(overruled: Overruled[]): Promise<void> {
    const inbox = new InboxRepository(this.db);
    const now = Date.now();
    for (const entry of overruled) await inbox.addOverruled(entry, now);
  }
}
