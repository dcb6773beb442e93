import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'vite';

export interface ChunkSize {
  fileName: string;
  raw: number;
  gzip: number;
  /** Loaded before the first picture: the entry's static import graph plus the eager chunks' graphs. */
  initial: boolean;
  /** Module ids bundled into the chunk. */
  modules: string[];
}

interface OutChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  modules: Record<string, unknown>;
}
interface OutAsset {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}

export interface MeasureOptions {
  /**
   * Dynamic chunks that load before the first picture anyway, by the module they are built from
   * (the default engine: the element imports it lazily, but every viewer needs it at once).
   */
  eager?: RegExp;
}

/** Builds `entry` with the project's library build (vite.config.ts, mode "lib") in memory and measures every JS chunk. */
export async function measureBundle(entry: string, root: string, options: MeasureOptions = {}): Promise<ChunkSize[]> {
  const result = await build({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'silent',
    mode: 'lib',
    build: {
      write: false,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ['es'], fileName: () => 'twinby.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])) as Array<
    OutChunk | OutAsset
  >;
  // one build may report the same output twice (lib output merged with rollupOptions.output)
  const chunks = [...new Map(outputs.filter((o): o is OutChunk => o.type === 'chunk').map((c) => [c.fileName, c])).values()];
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const dep of byName.get(name)?.imports ?? []) visit(dep);
  };
  for (const c of chunks) {
    if (c.isEntry || (options.eager && c.facadeModuleId && options.eager.test(c.facadeModuleId))) visit(c.fileName);
  }

  const sizes: ChunkSize[] = chunks.map((c) => ({
    fileName: c.fileName,
    raw: Buffer.byteLength(c.code),
    gzip: gzipSync(c.code, { level: 6 }).length,
    initial: initial.has(c.fileName),
    modules: Object.keys(c.modules),
  }));
  // Worker bundles arrive as JS assets; they are never part of the initial load.
  const assets = new Map(outputs.filter((o): o is OutAsset => o.type === 'asset').map((a) => [a.fileName, a]));
  for (const o of assets.values()) {
    if (o.fileName.endsWith('.js')) {
      const bytes = typeof o.source === 'string' ? Buffer.from(o.source) : Buffer.from(o.source);
      sizes.push({ fileName: o.fileName, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, initial: false, modules: [] });
    }
  }
  return sizes;
}
