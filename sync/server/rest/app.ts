import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { healthResponse } from '@shared/sync';
import { ApiFailure } from '../errors';
import { DESKTOP_APP_ORIGIN } from '../config';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { captureRoutes } from './capture-routes';
import { errorBody, toFailure } from './error-replies';
import { findUnstorableText } from './input-guard';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from '../records/nesting';
import { swaggerOptions } from './openapi';
import { recordRoutes } from './record-routes';
import { webhookRoutes } from './webhook-routes';
import { handoverRoutes } from './handover-routes';
import { duplicateRoutes } from './duplicate-routes';
import { surveyRoutes } from './survey-routes';
import type { HttpApiDeps } from './route-kit';

export type { HttpApiDeps } from './route-kit';

/** The Fastify instance of the API (zod schemas typed, pino logger). */
export type HttpApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const MAX_BODY_BYTES = 1024 * 1024;
/** Methods the API routes by (405 for those a path lacks); CORS allows the ones it uses. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface HttpApiOptions {
  /** Web origins allowed to call the API from a browser, besides the desktop app's (app://crm). */
  corsOrigins: readonly string[];
  /** Sign-in, join and refresh calls per minute per client address (0: unlimited). */
  authPerMinute: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); none by default. */
  trustProxy?: readonly string[];
  /** Survey answers per minute per client address (issue 21; 0: unlimited); 20 when absent. */
  surveyPerMinute?: number;
}

/**
 * The REST API on Fastify: routes, validation and the OpenAPI document (GET /openapi.json) all come from
 * the zod schemas in shared/sync/api.ts. Not listening yet: the caller listens and attaches WebSockets.
 */
export async function createHttpApp(deps: HttpApiDeps, options: HttpApiOptions): Promise<HttpApp> {
  const logger: FastifyBaseLogger = deps.log;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: MAX_BODY_BYTES,
    // Only a listed proxy may say who the client is; anyone else's X-Forwarded-For is ignored.
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    // Upgraded WebSockets are closed by their servers; idle keep-alive HTTP connections must not hold stop().
    forceCloseConnections: true,
    // A malformed escape in the path (%E0%A4%A) is the caller's mistake: 400 in the API's error format.
    frameworkErrors: (error, _req, reply) => {
      const failure = toFailure(error) ?? new ApiFailure(400, 'bad_request', 'Bad request');
      void (reply as FastifyReply).code(failure.status).send(errorBody(failure));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  acceptJsonBodiesOnly(app);

  await app.register(helmet, {
    // Which pages may read answers is the CORS allow-list's job; same-origin CORP would also stop them.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, {
    origin: [DESKTOP_APP_ORIGIN, ...options.corsOrigins],
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new ApiFailure(
        429,
        'rate_limited',
        `Too many calls from this address; try again in ${context.after}`,
      ),
  });
  await app.register(swagger, swaggerOptions());

  app.addHook('preValidation', rejectUnstorableText);
  const methods = methodGuard(app);
  app.setErrorHandler((error, req, reply) => {
    const failure = toFailure(error);
    if (!failure) {
      req.log.error({ err: error }, 'request failed');
      return reply.code(500).send(errorBody(new ApiFailure(500, 'server_error', 'Internal error')));
    }
    if (failure.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(failure.retryAfterSeconds));
    return reply.code(failure.status).send(errorBody(failure));
  });

  app.get('/health', {
    schema: {
      operationId: 'getHealth',
      summary: 'Liveness and basic facts about this node',
      tags: ['meta'],
      security: [],
      response: {
        200: {
          description: 'Healthy',
          content: { 'application/json': { schema: healthResponse } },
        },
      },
    },
    handler: () => ({ status: 'ok' as const, ...deps.health() }),
  });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(authRoutes, { deps, authPerMinute: options.authPerMinute });
  await app.register(adminRoutes, { deps });
  await app.register(recordRoutes, { deps });
  await app.register(webhookRoutes, { deps });
  await app.register(captureRoutes, { deps });
  await app.register(handoverRoutes, { deps });
  await app.register(duplicateRoutes, { deps });
  await app.register(surveyRoutes, { deps, perMinute: options.surveyPerMinute ?? 20 });
  methods.finish();
  return app;
}

/** JSON bodies only (415 otherwise); an empty body is "no body", whatever its Content-Type says. */
function acceptJsonBodiesOnly(app: HttpApp): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
    (_req, text, done) => {
      const body = String(text);
      if (body.trim() === '') return done(null, undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body) as unknown;
      } catch {
        return done(new ApiFailure(400, 'malformed_json', 'The request body is not valid JSON'));
      }
      // Before anything walks the body recursively (the text guard, zod, the merge) and overflows the stack.
      if (nestsDeeperThan(parsed, MAX_NESTING_DEPTH + 1))
        return done(new ApiFailure(400, 'too_deep', 'The request body is nested too deep'));
      done(null, parsed);
    },
  );
}

/** A NUL or a lone surrogate anywhere in the input would fail in the database: 400 before any route runs. */
function rejectUnstorableText(req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  for (const [where, value] of [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const path = findUnstorableText(value);
    if (path)
      throw new ApiFailure(400, 'invalid_text', `The ${where} holds text that cannot be stored`, [
        { path: path.join('.'), message: 'NUL characters and lone surrogates are not allowed' },
      ]);
  }
  done();
}

/**
 * 405 with Allow for a method a known path does not have (Fastify alone answers 404), and the API's error
 * body for unknown paths. Call before the routes are registered; `finish()` after.
 */
function methodGuard(app: HttpApp): { finish(): void } {
  const methodsByUrl = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if ((METHODS as readonly string[]).includes(method))
        methodsByUrl.set(route.url, (methodsByUrl.get(route.url) ?? new Set()).add(method));
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .code(404)
      .send(
        errorBody(
          new ApiFailure(404, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
        ),
      ),
  );
  return {
    finish() {
      for (const [url, methods] of [...methodsByUrl]) {
        const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
        const missing = METHODS.filter((method) => !methods.has(method));
        if (missing.length === 0) continue;
        app.route({
          method: missing,
          url,
          schema: { hide: true },
          handler: (_req, reply) =>
            reply
              .code(405)
              .header('allow', allow)
              .send(
                errorBody(new ApiFailure(405, 'method_not_allowed', `This path allows ${allow}`)),
              ),
        });
      }
    },
  };
}
