/**
 * A real MapServer 8 for the integration tests: a small Node HTTP server on 127.0.0.1 that runs
 * /usr/bin/mapserv as a CGI program per request, with our own config file and mapfile.
 * `npm test` installs Debian's cgi-mapserver when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const MAPSERV = '/usr/bin/mapserv';

export interface MapServer {
  /** Base URL of the WFS endpoint, e.g. http://127.0.0.1:41234/wfs */
  url: string;
  /** Requests answered so far. */
  requests: number;
  /** Stops the HTTP server and any running mapserv; resolves when all are gone. */
  stop(): Promise<void>;
}

export function mapservAvailable(): boolean {
  return existsSync(MAPSERV);
}

/** Splits "Header: value\r\n…\r\n\r\nbody" as written by a CGI program. */
function parseCgi(out: Buffer): { status: number; headers: Record<string, string>; body: Buffer } {
  let end = out.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = out.indexOf('\n\n');
    sep = 2;
  }
  if (end < 0) return { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from('mapserv wrote no CGI header') };
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of out.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'status') status = Number.parseInt(value, 10) || 500;
    else headers[key] = value;
  }
  return { status, headers, body: out.subarray(end + sep) };
}

export async function startMapServer(mapfile: string): Promise<MapServer> {
  if (!mapservAvailable()) {
    throw new Error(`${MAPSERV} not found: install it with "apt-get install -y --no-install-recommends cgi-mapserver" (npm test does this)`);
  }
  const mapPath = resolve(mapfile);
  const dir = mkdtempSync(join(tmpdir(), 'twinby-mapserver-'));
  const config = join(dir, 'mapserver.conf');
  // MapServer 8 refuses to run without a global config file; Debian ships none.
  writeFileSync(config, `CONFIG\n  ENV\n    MS_MAPFILE "${mapPath}"\n  END\nEND\n`);
  const children = new Set<ChildProcess>();
  let port = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // the browser tests' page comes from vitest's own origin: let it read the answers (the relay's doing, not MapServer's)
    res.setHeader('access-control-allow-origin', '*');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const child = spawn(MAPSERV, [], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          REQUEST_METHOD: req.method ?? 'GET',
          QUERY_STRING: url.search.slice(1),
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          CONTENT_LENGTH: String(body.length),
          SERVER_NAME: '127.0.0.1',
          SERVER_PORT: String(port),
          SCRIPT_NAME: url.pathname,
          HTTP_HOST: `127.0.0.1:${port}`,
          GATEWAY_INTERFACE: 'CGI/1.1',
          MAPSERVER_CONFIG_FILE: config,
          MS_MAPFILE: mapPath,
        },
      });
      children.add(child);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.stdin.end(body);
      child.on('close', (code) => {
        children.delete(child);
        server.requests++;
        if (res.destroyed) return;
        const cgi = parseCgi(Buffer.concat(out));
        if (code !== 0 && cgi.status === 200 && !cgi.body.length) {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`mapserv exited with ${code}: ${Buffer.concat(err).toString()}`);
          return;
        }
        res.writeHead(cgi.status, cgi.headers).end(cgi.body);
      });
    });
  };

  const http: Server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(0, '127.0.0.1', () => ok());
  });
  port = (http.address() as AddressInfo).port;

  const server: MapServer = {
    url: `http://127.0.0.1:${port}/wfs`,
    requests: 0,
    async stop() {
      for (const c of children) c.kill('SIGKILL');
      http.closeAllConnections();
      await new Promise<void>((ok) => http.close(() => ok()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
