import pino from 'pino';

/** Structured JSON logs (one object per line), level from LOG_LEVEL (default info; silent in tests). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, base: { service: 'crm-sync' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type Logger = ReturnType<typeof createLogger>;
