import { parseArgs } from 'node:util';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_MAX_CLOCK_SKEW_MS } from '@shared/sync';

/** The desktop app's renderer origin (electron/main/app-protocol.ts serves it as app://crm). */
export const DESKTOP_APP_ORIGIN = 'app://crm';
/** `npm run web` / `npm run web:dev` and electron-vite's dev server (scripts/start.mjs, vite defaults). */
export const DEFAULT_WEB_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];
/** Sign-in, join and refresh calls allowed per client address and route in a minute. */
export const DEFAULT_AUTH_RATE_LIMIT = 20;
/**
 * Refresh allows this many times the sign-in limit: every laptop behind one office address refreshes its
 * token on its own clock and all reconnect together in the morning, while guessing a 256-bit refresh token is
 * hopeless at any rate.
 */
export const REFRESH_LIMIT_FACTOR = 5;

/**
 * Who may create a workspace (POST /api/workspaces). `first`: anyone while the server has no workspace, then
 * only an admin of a workspace on this server; `admin`: the first workspace only from the server's own machine
 * (a loopback address), then only admins; `open`: anyone (a hosted trial).
 */
export const WORKSPACE_CREATION_MODES = ['first', 'admin', 'open'] as const;
export type WorkspaceCreationMode = (typeof WORKSPACE_CREATION_MODES)[number];

function parseCreationMode(value: string | undefined): WorkspaceCreationMode {
  const mode = WORKSPACE_CREATION_MODES.find((m) => m === (value ?? 'first'));
  if (!mode)
    throw new Error(
      `invalid workspace creation mode: ${value} (one of ${WORKSPACE_CREATION_MODES.join(', ')})`,
    );
  return mode;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** PGlite data directory (embedded database); ignored when databaseUrl is set. */
  dataDir?: string;
  /** postgres://… for a PostgreSQL server (several nodes can share one). */
  databaseUrl?: string;
  /** Token signing secret shared by all nodes; generated and stored in the database when absent. */
  tokenSecret?: string;
  logLevel: string;
  /**
   * Web origins whose pages may call the REST API (CORS), besides the desktop app's, which is always
   * allowed. Default: DEFAULT_WEB_ORIGINS.
   */
  corsOrigins?: readonly string[];
  /** Requests per minute per client address on each sign-in route; 0 turns the limit off. */
  authRateLimit?: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of this node: only from them is X-Forwarded-For
   * believed, so rate limits count the real client. Empty (default): the connecting address counts.
   */
  trustProxy?: readonly string[];
  /** Who may create a workspace; default `first`. */
  workspaceCreation?: WorkspaceCreationMode;
  /**
   * How far ahead of this server's clock an edit's stamp may claim to be (ms): later stamps are clamped to it,
   * so a laptop whose clock is fast wins a conflict by at most this much (sync/README.md "The merge rule").
   * Default DEFAULT_MAX_CLOCK_SKEW_MS (60 s).
   */
  maxClockSkewMs?: number;
  /**
   * Webhook URLs on loopback and private addresses allowed (a receiver on the company LAN; tests). Off by
   * default: a webhook URL is an SSRF vector (sync/server/webhooks/README.md).
   */
  webhookAllowPrivate?: boolean;
  /** Leads per minute each capture key may post, all nodes on one PostgreSQL together (default 60; 0 = no limit). */
  captureRateLimit?: number;
  /** Between two SLA sweeps of this node (ms, default 60 000; 0 turns the periodic sweep off). */
  slaSweepMs?: number;
  /** Between two catch-up sweeps of lead assignment (ms; 0 = only at start-up). Default 30000. */
  leadAssignmentSweepMs?: number;
  /** The webhook delivery queue's retry schedule, attempts, request timeout and polling (tests: short ones). */
  webhookQueue?: {
    retryDelaysMs?: readonly number[];
    maxAttempts?: number;
    timeoutMs?: number;
    pollMs?: number;
  };
}

/** Splits "10.0.0.1, 10.1.0.0/16" into proxy addresses; refuses anything that is not an address or range. */
export function parseProxies(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [address = '', bits, ...rest] = entry.split('/');
      const family = isIP(address);
      const maxBits = family === 6 ? 128 : 32;
      const validBits =
        bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits && Number(bits) >= 0);
      if (family === 0 || !validBits || rest.length > 0)
        throw new Error(`invalid trusted proxy: ${entry}`);
      return entry;
    });
}

/** Splits "a, b" into origins, each normalized (a trailing slash or path would never match an Origin header). */
export function parseOrigins(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      const url = new URL(origin);
      if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'app:')
        throw new Error(`invalid CORS origin: ${origin}`);
      return url.protocol === 'app:' ? `app://${url.host}` : url.origin;
    });
}

/**
 * Flags override environment variables: --port/PORT (default 8787), --host/HOST (127.0.0.1),
 * --data-dir/CRM_DATA_DIR (./.data/server), --database-url/DATABASE_URL, CRM_TOKEN_SECRET, LOG_LEVEL,
 * --cors-origins/CRM_CORS_ORIGINS (comma-separated web origins), --auth-rate-limit/CRM_AUTH_RATE_LIMIT,
 * --trust-proxy/CRM_TRUST_PROXY (comma-separated proxy addresses or CIDR ranges),
 * --workspace-creation/CRM_WORKSPACE_CREATION (first, admin or open),
 * --max-clock-skew-ms/CRM_MAX_CLOCK_SKEW_MS (default 60000),
 * --webhook-allow-private/CRM_WEBHOOK_ALLOW_PRIVATE=1 (webhook URLs on loopback and private addresses),
 * --capture-rate-limit/CRM_CAPTURE_RATE_LIMIT (leads per minute per capture key, default 60),
 * --sla-sweep-ms/CRM_SLA_SWEEP_MS (between two SLA sweeps, default 60000; 0 = off),
 * --lead-assignment-sweep-ms/CRM_LEAD_ASSIGNMENT_SWEEP_MS (between two sweeps of due leads, default 30000; 0 = only
 * at start-up).
 */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'log-level': { type: 'string' },
      'cors-origins': { type: 'string' },
      'auth-rate-limit': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'workspace-creation': { type: 'string' },
      'max-clock-skew-ms': { type: 'string' },
      'webhook-allow-private': { type: 'boolean' },
      'capture-rate-limit': { type: 'string' },
      'sla-sweep-ms': { type: 'string' },
      'lead-assignment-sweep-ms': { type: 'string' },
    },
    allowPositionals: false,
  });
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port: ${values.port ?? env.PORT}`);
  const rateLimitText = values['auth-rate-limit'] ?? env.CRM_AUTH_RATE_LIMIT;
  const authRateLimit = Number(rateLimitText ?? DEFAULT_AUTH_RATE_LIMIT);
  if (!Number.isInteger(authRateLimit) || authRateLimit < 0)
    throw new Error(`invalid auth rate limit: ${rateLimitText}`);
  const skewText = values['max-clock-skew-ms'] ?? (env.CRM_MAX_CLOCK_SKEW_MS || undefined);
  const maxClockSkewMs = Number(skewText ?? DEFAULT_MAX_CLOCK_SKEW_MS);
  if (!Number.isInteger(maxClockSkewMs) || maxClockSkewMs < 0)
    throw new Error(`invalid max clock skew: ${skewText}`);
  const captureText = values['capture-rate-limit'] ?? (env.CRM_CAPTURE_RATE_LIMIT || undefined);
  const captureRateLimit = captureText === undefined ? undefined : Number(captureText);
  if (
    captureRateLimit !== undefined &&
    (!Number.isInteger(captureRateLimit) || captureRateLimit < 0)
  )
    throw new Error(`invalid capture rate limit: ${captureText}`);
  const sweepText = values['sla-sweep-ms'] ?? (env.CRM_SLA_SWEEP_MS || undefined);
  const slaSweepMs = sweepText === undefined ? undefined : Number(sweepText);
  if (slaSweepMs !== undefined && (!Number.isInteger(slaSweepMs) || slaSweepMs < 0))
    throw new Error(`invalid SLA sweep interval: ${sweepText}`);
  const assignText =
    values['lead-assignment-sweep-ms'] ?? (env.CRM_LEAD_ASSIGNMENT_SWEEP_MS || undefined);
  const leadAssignmentSweepMs = assignText === undefined ? undefined : Number(assignText);
  if (
    leadAssignmentSweepMs !== undefined &&
    (!Number.isInteger(leadAssignmentSweepMs) || leadAssignmentSweepMs < 0)
  )
    throw new Error(`invalid lead assignment sweep interval: ${assignText}`);
  const origins = values['cors-origins'] ?? env.CRM_CORS_ORIGINS;
  const proxies = values['trust-proxy'] ?? env.CRM_TRUST_PROXY;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL ?? undefined;
  return {
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: databaseUrl || undefined,
    dataDir: databaseUrl
      ? undefined
      : (values['data-dir'] ?? env.CRM_DATA_DIR ?? join(process.cwd(), '.data', 'server')),
    tokenSecret: env.CRM_TOKEN_SECRET || undefined,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    corsOrigins: origins === undefined ? DEFAULT_WEB_ORIGINS : parseOrigins(origins),
    authRateLimit,
    trustProxy: proxies === undefined ? [] : parseProxies(proxies),
    workspaceCreation: parseCreationMode(
      values['workspace-creation'] ?? (env.CRM_WORKSPACE_CREATION || undefined),
    ),
    maxClockSkewMs,
    webhookAllowPrivate:
      values['webhook-allow-private'] ??
      ['1', 'true'].includes(env.CRM_WEBHOOK_ALLOW_PRIVATE ?? ''),
    ...(captureRateLimit !== undefined ? { captureRateLimit } : {}),
    ...(slaSweepMs !== undefined ? { slaSweepMs } : {}),
    ...(leadAssignmentSweepMs !== undefined ? { leadAssignmentSweepMs } : {}),
  };
}
