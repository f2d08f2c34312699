import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the app's web build at `/` and the benchmark page at `/bench/` from one origin, so the bench page
 * can seed the very IndexedDB databases the app opens (B6, B7). Loopback only; files under the mounts only.
 * IndexedDB belongs to an origin (host and port): a fixed port lets a seeded browser profile be reused.
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  port = 0,
): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const mount = entries.find(
      ([prefix]) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix),
    );
    if (!mount) {
      response.writeHead(404).end();
      return;
    }
    const [prefix, dir] = mount;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir + sep)) && file !== normalize(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    // Content-hashed build output (vite's assets/) never changes under its name: served as immutable, as any
    // production web server does, so a start reads it from Chromium's cache without a round trip per module
    // (Electron's app:// protocol reads the same files from disk). Everything else (index.html, public/ scripts)
    // is revalidated on every load, so a rebuilt bundle is picked up; Chromium reuses its compiled-code cache.
    const stat = statSync(file);
    const immutable = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css|woff2?|png|svg)$/.test(path);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      return;
    }
    const cacheControl = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      etag,
      'last-modified': stat.mtime.toUTCString(),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
