/**
 * A static web server on 127.0.0.1 for "copy the folder anywhere" tests: maps URL prefixes to folders,
 * answers everything else with 404, and records every request with its status.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.gml': 'application/gml+xml',
  '.map': 'application/json',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export interface StaticSite {
  origin: string;
  /** Every request so far: path and status. */
  log: { path: string; status: number }[];
  stop(): Promise<void>;
}

/**
 * mounts: URL prefix (e.g. "/some/path/twinby/") → folder. `override` may answer a path itself (status, body);
 * `headers` adds response headers for a path (e.g. Service-Worker-Allowed).
 */
export async function startStaticSite(
  mounts: Record<string, string>,
  override?: (path: string) => { status: number; body?: string; type?: string } | undefined,
  headers?: (path: string) => Record<string, string> | undefined,
): Promise<StaticSite> {
  const log: StaticSite['log'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const answer = (status: number, body: string | NodeJS.ReadableStream, type = 'text/plain', length?: number) => {
      log.push({ path, status });
      const size = length ?? (typeof body === 'string' ? Buffer.byteLength(body) : undefined);
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...(size != null ? { 'content-length': String(size) } : {}), ...headers?.(path) });
      if (req.method === 'HEAD') {
        if (typeof body !== 'string') (body as NodeJS.ReadableStream & { destroy(): void }).destroy();
        res.end();
      } else if (typeof body === 'string') res.end(body);
      else body.pipe(res);
    };
    const custom = override?.(path);
    if (custom) return answer(custom.status, custom.body ?? '', custom.type);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir + sep)) && file !== normalize(dir)) break;
      if (existsSync(file) && statSync(file).isFile()) {
        return answer(200, createReadStream(file), types[extname(file)] ?? 'application/octet-stream', statSync(file).size);
      }
      break;
    }
    answer(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
