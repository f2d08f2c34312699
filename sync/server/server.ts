import type { AddressInfo } from 'node:net';
import { SYNC_PATH } from '@shared/sync';
import { openDatabase } from './db/open';
import { LATEST_SCHEMA_VERSION, migrate } from './db/migrations';
import type { Sql } from './db/sql';
import { ChangeBus } from './fanout';
import { AuthService } from './auth/auth-service';
import type { SignInLockout } from './auth/sign-in-lockout';
import { AdminService } from './admin/admin-service';
import { RecordStore } from './records/record-store';
import { SyncSocketServer } from './ws/sync-socket';
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './ws/socket-limits';
import { DocRoomServer, type DocRoomOptions } from './docs/doc-rooms';
import { createHttpApp } from './rest/app';
import { createLogger, type Logger } from './log';
import { WebhookService } from './webhooks/webhook-service';
import { HandoverService } from './handover/handover-service';
import { DeliveryQueue } from './webhooks/delivery-queue';
import { WebhookEvents } from './webhooks/webhook-events';
import { CaptureKeys } from './capture/capture-keys';
import { SurveyService } from './surveys/survey-service';
import {
  CaptureService,
  DEFAULT_CAPTURE_BAD_KEY_LIMIT,
  DEFAULT_CAPTURE_RATE_LIMIT,
  type CaptureLimits,
} from './capture/capture-service';
import { SlaSweeper } from './sla/sla-sweep';
import { LeadAssignmentSweeper } from './records/lead-assignment-sweep';
import { DEFAULT_AUTH_RATE_LIMIT, DEFAULT_WEB_ORIGINS, type ServerConfig } from './config';

export interface RunningServer {
  port: number;
  url: string;
  sql: Sql;
  bus: ChangeBus;
  log: Logger;
  /** The Yjs rooms (collaborative plans and notes) served on the same port under /yjs/. */
  docs: DocRoomServer;
  /** The periodic SLA sweep (issue 21); `sla.sweepNow(now)` runs one at once (tests). */
  sla: SlaSweeper;
  /** The catch-up lead assignment sweep (issue 19): at start-up, then periodically; `sweepNow()` (tests). */
  leadAssignment: LeadAssignmentSweeper;
  stop(): Promise<void>;
}

/** Wiring a test may replace (the config stays what the command line and environment say). */
export interface ServerOverrides {
  docRooms?: DocRoomOptions;
  /** The per-account sign-in lockout (e.g. with a test's clock). */
  signInLockout?: SignInLockout;
  /** Per-socket message rate and outgoing-buffer limits of /sync and /yjs sockets (tests: tiny ones). */
  socketLimits?: Partial<SocketLimits>;
  /** Capture-post rate limits (tests: tiny ones). */
  captureLimits?: Partial<CaptureLimits>;
}

/**
 * Starts one sync node: HTTP (REST + OpenAPI + health, on Fastify) and WebSocket replication on one port, over
 * PGlite or PostgreSQL, migrating the schema first. Several nodes on one PostgreSQL act as one service.
 */
export async function startSyncServer(
  config: ServerConfig,
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const sql = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  const applied = await migrate(sql);
  const bus = new ChangeBus(sql);
  await bus.start();
  const auth = new AuthService(sql, undefined, overrides.signInLockout);
  await auth.init(config.tokenSecret);
  const records = new RecordStore(sql, bus, {
    maxClockSkewMs: config.maxClockSkewMs,
    warn: (err, message) => log.warn({ err }, message),
  });
  const admin = new AdminService(sql, auth, records, bus, config.workspaceCreation);
  const handover = new HandoverService(sql, bus, admin, () => records.clock());
  const allowPrivate = config.webhookAllowPrivate ?? false;
  const webhooks = new WebhookService(sql, { allowPrivate });
  const deliveries = new DeliveryQueue(sql, log, { allowPrivate, ...config.webhookQueue });
  const webhookEvents = new WebhookEvents(bus, webhooks, records, deliveries, log);
  webhookEvents.start();
  const captureKeys = new CaptureKeys(sql);
  const capture = new CaptureService(sql, captureKeys, records, {
    perKeyPerMinute: config.captureRateLimit ?? DEFAULT_CAPTURE_RATE_LIMIT,
    badKeysPerMinute: DEFAULT_CAPTURE_BAD_KEY_LIMIT,
    ...overrides.captureLimits,
  });
  const surveys = new SurveyService(sql, records, (p) => auth.scopeOf(p));
  const socketLimits = { ...DEFAULT_SOCKET_LIMITS, ...overrides.socketLimits };
  const sockets = new SyncSocketServer(auth, records, bus, log, socketLimits);
  const docs = new DocRoomServer(auth, records, bus, sql, log, overrides.docRooms, socketLimits);
  const sla = new SlaSweeper(
    sql,
    () => records.clock(),
    (workspaceId, seq) => records.announce(workspaceId, ['tickets'], seq),
    (err, message) => log.warn({ err }, message),
    { intervalMs: config.slaSweepMs },
  );
  const leadAssignment = new LeadAssignmentSweeper(
    sql,
    (workspaceId) => records.assignDueLeads(workspaceId),
    (err, message) => log.warn({ err }, message),
    { intervalMs: config.leadAssignmentSweepMs },
  );
  const startedAt = Date.now();
  const app = await createHttpApp(
    {
      auth,
      admin,
      records,
      webhooks,
      captureKeys,
      capture,
      handover,
      surveys,
      log,
      health: () => ({
        engine: sql.engine,
        node: bus.nodeId,
        schemaVersion: LATEST_SCHEMA_VERSION,
        connections: sockets.connectionCount,
        docConnections: docs.connectionCount,
        uptimeMs: Date.now() - startedAt,
      }),
    },
    {
      corsOrigins: config.corsOrigins ?? DEFAULT_WEB_ORIGINS,
      authPerMinute: config.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT,
      trustProxy: config.trustProxy ?? [],
    },
  );
  // WebSockets share the port: Fastify leaves 'upgrade' requests to these servers.
  const server = app.server;
  server.on('upgrade', (request, socket, head) => {
    // A client that drops mid-handshake (ECONNRESET) is routine; without a listener it would crash the node.
    socket.on('error', () => undefined);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === SYNC_PATH) sockets.handleUpgrade(request, socket, head);
    else if (DocRoomServer.matches(path)) docs.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await app.listen({ port: config.port, host: config.host });
  deliveries.start();
  sla.start();
  leadAssignment.start();
  const port = (server.address() as AddressInfo).port;
  log.info(
    {
      port,
      host: config.host,
      engine: sql.engine,
      dataDir: config.dataDir,
      migrations: applied,
      node: bus.nodeId,
    },
    'sync server started',
  );
  return {
    port,
    url: `http://${config.host}:${port}`,
    sql,
    bus,
    log,
    docs,
    sla,
    leadAssignment,
    async stop() {
      await sla.stop();
      await leadAssignment.stop();
      sockets.close();
      // Every update a room applied is stored before the database closes.
      await docs.close();
      await app.close();
      // Changes committed before the close are enqueued; attempts in flight are recorded (as interrupted).
      await webhookEvents.stop();
      await deliveries.stop();
      await bus.stop();
      await sql.close();
    },
  };
}
