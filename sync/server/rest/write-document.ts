import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createLogger } from '../log';
import { createHttpApp } from './app';
import type { HttpApiDeps } from './route-kit';

/**
 * The OpenAPI document as GET /openapi.json serves it, built without a database: the document comes from
 * the route schemas alone, so the services behind the routes are never called (and throw if they were).
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const unused = new Proxy(
    {},
    {
      get: (_target, name) => {
        throw new Error(`writing the OpenAPI document does not call services (${String(name)})`);
      },
    },
  );
  const deps = {
    auth: unused,
    admin: unused,
    records: unused,
    webhooks: unused,
    log: createLogger('silent'),
    health: () => ({}),
  } as unknown as HttpApiDeps;
  const app = await createHttpApp(deps, { corsOrigins: [], authPerMinute: 1 });
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}

// `node --import tsx sync/server/rest/write-document.ts <file>` writes it (npm run lint:openapi).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const target = resolve(process.argv[2] ?? 'out/openapi.json');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n');
  console.log(`OpenAPI document written to ${target}`);
}
