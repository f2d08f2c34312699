import type { RateLimitOptions } from '@fastify/rate-limit';

/**
 * Route config that limits a route to `perMinute` calls per client address (0: no limit). Put it on any
 * route strangers can call without a session (sign-in, join, refresh, capture forms):
 * `config: rateLimited(limits.auth)`. Over the limit the answer is 429 with Retry-After (seconds).
 */
export function rateLimited(perMinute: number): { rateLimit: RateLimitOptions | false } {
  return { rateLimit: perMinute > 0 ? { max: perMinute, timeWindow: 60_000 } : false };
}
