// TwinBy's Service Worker for meetings without network ("Für die Sitzung vorbereiten").
// A classic script with no imports: the library build copies it as it is next to its chunks (twinby-sw.js),
// so any host can serve it and any browser can run it. Register it with a scope that holds both the page and
// the library folder (see README, "Sitzung offline vorbereiten").
// - GET requests are answered from the twinby-offline-* caches first, then from the network.
// - While the page asks it to record ({type:'twinby-record', cache}), every good network response is stored
//   in that cache too: the tiles a tour's flights request that no file list names.
/* global self, caches, fetch, Headers, Response */
(function () {
  const PREFIX = 'twinby-offline-';
  /** @type {{ cache: string, files: number, bytes: number, pending: Set<Promise<void>> } | null} */
  let recording = null;

  async function fromCache(request) {
    const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX));
    for (const name of names) {
      const hit = await (await caches.open(name)).match(request, { ignoreVary: true });
      if (hit) return hit;
    }
    return undefined;
  }

  async function record(rec, request, response) {
    const body = await response.arrayBuffer();
    // the body is decoded now: the network's length and encoding no longer describe it
    const headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
    await (await caches.open(rec.cache)).put(request, copy);
    rec.files += 1;
    rec.bytes += body.byteLength;
  }

  async function answer(event) {
    // the preparation itself asks for fresh files (cache: 'no-store'); everything else is cache first
    const fresh = event.request.cache === 'no-store' || event.request.cache === 'reload';
    const hit = fresh ? undefined : await fromCache(event.request);
    if (hit) return hit;
    const response = await fetch(event.request);
    const rec = recording;
    if (rec && response.ok && response.status === 200 && response.type !== 'opaque') {
      const job = record(rec, event.request, response.clone()).catch(() => {});
      rec.pending.add(job);
      job.finally(() => rec.pending.delete(job));
      if (event.waitUntil) event.waitUntil(job);
    }
    return response;
  }

  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('fetch', (event) => {
    const url = event.request.url;
    // the dev server's live-reload channel and non-GET requests go their own way
    if (event.request.method !== 'GET' || !/^https?:/.test(url) || url.includes('/__vite_ping')) return;
    event.respondWith(answer(event));
  });
  self.addEventListener('message', (event) => {
    const data = event.data || {};
    const port = event.ports && event.ports[0];
    if (data.type === 'twinby-record') {
      const ok = typeof data.cache === 'string' && data.cache.startsWith(PREFIX);
      if (ok) recording = { cache: data.cache, files: 0, bytes: 0, pending: new Set() };
      if (port) port.postMessage({ ok });
    } else if (data.type === 'twinby-record-stop') {
      const rec = recording;
      recording = null;
      const done = rec ? Promise.all([...rec.pending]) : Promise.resolve();
      const reply = done.then(() => port && port.postMessage({ ok: true, files: rec ? rec.files : 0, bytes: rec ? rec.bytes : 0 }));
      if (event.waitUntil) event.waitUntil(reply);
    } else if (data.type === 'twinby-ping' && port) {
      port.postMessage({ ok: true });
    }
  });
})();
