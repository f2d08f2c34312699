import { parseArgs } from 'node:util';
import { join } from 'node:path';

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
}

/**
 * Flags override environment variables: --port/PORT (default 8787), --host/HOST (127.0.0.1),
 * --data-dir/CRM_DATA_DIR (./.data/server), --database-url/DATABASE_URL, CRM_TOKEN_SECRET, LOG_LEVEL.
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
    },
    allowPositionals: false,
  });
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port: ${values.port ?? env.PORT}`);
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
  };
}
