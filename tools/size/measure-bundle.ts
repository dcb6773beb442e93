import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface ChunkSize {
  fileName: string;
  raw: number;
  gzip: number;
  /** Loaded by the entry's static import graph, i.e. before any dynamic import. */
  initial: boolean;
  /** Module ids bundled into the chunk. */
  modules: string[];
}

interface OutChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  modules: Record<string, unknown>;
}
interface OutAsset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}

/** Builds `entry` as the library build does (minified ES module) in memory and measures every JS chunk. */
export async function measureBundle(entry: string, root: string): Promise<ChunkSize[]> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    worker: { format: 'es' },
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => 'twinby.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])) as Array<
    OutChunk | OutAsset
  >;
  const chunks = outputs.filter((o): o is OutChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of chunks) if (c.isEntry) visit(c.fileName);

  const sizes: ChunkSize[] = chunks.map((c) => ({
    fileName: c.fileName,
    raw: Buffer.byteLength(c.code),
    gzip: gzipSync(c.code, { level: 6 }).length,
    initial: initial.has(c.fileName),
    modules: Object.keys(c.modules),
  }));
  // Worker bundles arrive as JS assets; they are never part of the initial load.
  for (const o of outputs) {
    if (o.type === 'asset' && o.fileName.endsWith('.js')) {
      const bytes = typeof o.source === 'string' ? Buffer.from(o.source) : Buffer.from(o.source);
      sizes.push({ fileName: o.fileName, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, initial: false, modules: [] });
    }
  }
  return sizes;
}
