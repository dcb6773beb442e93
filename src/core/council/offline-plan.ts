/**
 * The pure parts of "Für die Sitzung vorbereiten": the versioned cache name, the quota decision, whether a
 * Service Worker scope covers the page and the library, and the files a page's JavaScript needs (its static
 * imports and worker files, followed from the modules it loaded). The browser side is
 * src/element/council/offline-prepare.ts; the Service Worker is src/element/council/twinby-sw.js.
 */

/** Every offline cache's name starts so; the Service Worker answers from these caches only (twinby-sw.js repeats it). */
export const OFFLINE_CACHE_PREFIX = 'twinby-offline-';

/** FNV-1a, 32 bit, as 8 hex digits: a short stable id of the tour (not a security hash). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * `twinby-offline-<library version>-<hash of page, tour and files>`: a new library or another tour gets its own
 * cache, and preparing again replaces the old one instead of mixing versions.
 */
export function offlineCacheName(libraryVersion: string, page: string, tour: unknown, urls: readonly string[]): string {
  const version = libraryVersion.replace(/[^\w.-]/g, '_');
  return `${OFFLINE_CACHE_PREFIX}${version}-${shortHash(JSON.stringify([page.replace(/#.*$/, ''), tour, [...urls].sort()]))}`;
}

export interface QuotaDecision {
  ok: boolean;
  /** Bytes the origin may still store (Infinity when the browser does not say). */
  free: number;
  /** Ask navigator.storage.persist(): the data is large or space is tight, and an evicted cache would fail the meeting. */
  askPersist: boolean;
}

/** Space kept free beyond the files: Cache Storage stores some overhead per entry, and estimates are coarse. */
export const QUOTA_MARGIN = 1.1;

/** Whether `needed` bytes fit what navigator.storage.estimate() reported. */
export function decideQuota(estimate: { quota?: number; usage?: number } | null, needed: number): QuotaDecision {
  const free = estimate?.quota != null ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : Infinity;
  const ok = needed * QUOTA_MARGIN <= free;
  return { ok, free, askPersist: !ok || needed * 4 > free || needed > 50 * 2 ** 20 };
}

/**
 * Why a Service Worker registered with `scope` cannot serve the meeting offline, or null when it can. It must
 * control the page (the page is within its scope) and the library's workers (a worker's script is matched
 * against scopes by its own URL, so the library folder must lie within the scope too).
 */
export function scopeProblem(page: string, library: string, scope: string): 'page' | 'library' | null {
  const s = new URL(scope).href;
  if (!new URL(page).href.startsWith(s)) return 'page';
  if (!new URL(library).href.startsWith(s)) return 'library';
  return null;
}

// minified builds quote with backticks too; a template with ${…} in it is not a fixed file and is skipped
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?(["'`])([^"'`\n$]+)\1/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])([^"'`\n$]+)\1\s*\)/g;
const URL_OF_MODULE = /new URL\(\s*(["'`])([^"'`\n$]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * URLs a JavaScript module refers to: static imports and re-exports, and files named with
 * `new URL('…', import.meta.url)` (workers, the Service Worker, wasm). Dynamic imports are returned apart:
 * they are lazy chunks (the Cesium engine …) that a tour may never load. Bare specifiers are skipped.
 */
export function moduleReferences(code: string, moduleUrl: string): { imports: string[]; dynamic: string[] } {
  const resolve = (spec: string, relative: boolean): string | null => {
    // an import of "lit" names a package; new URL("assets/w.js", import.meta.url) names a file beside the module
    if (!relative && !/^(?:\.{0,2}\/|https?:)/.test(spec)) return null;
    if (/^[a-z][\w+.-]*:/i.test(spec) && !/^https?:/i.test(spec)) return null;
    try {
      return new URL(spec, moduleUrl).href;
    } catch {
      return null;
    }
  };
  const collect = (re: RegExp, relative = false): string[] => {
    const out = new Set<string>();
    for (const m of code.matchAll(re)) {
      const url = resolve(m[2], relative);
      if (url) out.add(url);
    }
    return [...out];
  };
  const dynamic = collect(DYNAMIC_IMPORT);
  const imports = [...new Set([...collect(STATIC_IMPORT), ...collect(URL_OF_MODULE, true)])].filter((u) => !dynamic.includes(u));
  return { imports, dynamic };
}

export interface ModuleGraphOptions {
  fetchText(url: string): Promise<string>;
  /** Only modules under these URL prefixes are read (the page's origin, the library's folder). */
  within: readonly string[];
  maxFiles?: number;
}

/**
 * Follows static imports and module-relative files from `seeds` (the scripts the page loaded) and returns
 * every file reached, seeds included. Bounded by maxFiles; files that cannot be read are reported.
 */
export async function moduleGraph(seeds: readonly string[], options: ModuleGraphOptions): Promise<{ urls: string[]; issues: Array<{ url: string; message: string }> }> {
  const maxFiles = options.maxFiles ?? 5000;
  const seen = new Set<string>();
  const queue: string[] = [];
  const issues: Array<{ url: string; message: string }> = [];
  const push = (url: string) => {
    const clean = url.replace(/#.*$/, '');
    if (seen.has(clean) || !options.within.some((p) => clean.startsWith(p))) return;
    if (seen.size >= maxFiles) {
      if (!issues.length || !issues[issues.length - 1].message.startsWith('more than')) issues.push({ url: clean, message: `more than ${maxFiles} script files; the rest are left out` });
      return;
    }
    seen.add(clean);
    queue.push(clean);
  };
  seeds.forEach(push);
  while (queue.length) {
    const url = queue.shift()!;
    // scripts only: .js/.mjs/.ts, or a path without extension (a dev server's /@vite/client)
    if (!/(?:\.m?[jt]sx?|\/[^./]+)$/.test(new URL(url).pathname)) continue;
    let code: string;
    try {
      code = await options.fetchText(url);
    } catch (err) {
      issues.push({ url, message: (err as Error).message });
      continue;
    }
    moduleReferences(code, url).imports.forEach(push);
  }
  return { urls: [...seen], issues };
}
