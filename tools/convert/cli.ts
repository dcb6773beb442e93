/**
 * twinby-convert: CityGML files or folders → one 3D Tiles 1.1 tileset.
 * Each input file becomes an external tileset <out>/<name>/tileset.json, converted on a pool of conversion
 * processes; <out>/tileset.json ties them together. Exit code 1 when a file failed (the rest is still written),
 * 2 on a usage or file-system error. Nothing it did not write is removed: see output-folder.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// from the modules themselves: the geo index would bundle proj4 into the main thread (bounding-region.ts)
import { parseSrsName } from '../../src/core/geo/crs';
import { parseGeoidOption } from '../../src/core/geo/geoid';
import { collectInputs, type InputFile } from './collect-inputs';
import type { ConvertJob } from './convert-job';
import { convertInPool, type JobResult } from './convert-pool';
import { ProgressBar } from './progress-bar';
import { NonFiniteError, stringifyFinite } from '../../workers/lib/tiles3d/finite-json';
import { buildRootTileset, type ChildTileset } from './root-tileset';
import { describeFsError, MANIFEST, OutputError, OutputFolder } from './output-folder';
import { formatSummary, summarize } from './summary';
import { mergeMain } from './merge';
import { parseShard, SHARD_FILE, shardPositions, type Shard } from './shard';
import { emptyShard, writeShardRecord, type ShardRun } from './shard-record';
import { prestartConvertProcess, releaseSpareConvertProcess, stopAllConvertProcesses } from './convert-process';

const USAGE = `Usage: twinby-convert <file|dir…> --out <dir> [--crs EPSG:xxxx] [--geoid auto|egm96|none|<metres>] [--jobs N] [--json] [--force] [--shard i/N] [--no-lod] [--implicit]
       twinby-convert merge <shard-dir…> --out <dir> [--force]

  <file|dir…>   CityGML files, or folders searched recursively for *.gml and *.xml
  --out, -o     output folder: <out>/tileset.json plus one <out>/<name>/ per input file. A folder holding
                files twinby-convert did not write is refused; an earlier run's output is replaced
  --force       write into a folder that holds other files too (they are kept; a clash is still refused)
  --crs         source CRS for files that name none or an unknown one, e.g. EPSG:25832
  --geoid       normal → ellipsoidal heights: auto (default, EGM96 for normal heights), egm96, none,
                or a fixed offset in metres added to every height
  --jobs, -j    files converted in parallel (default: the number of cores)
  --no-lod      no levels of detail. By default parent tiles carry the buildings beneath them as simplified
                LoD1 blocks, merged into massing blocks far up, so a far view loads a few parents instead of
                every building (--lod, the default, is accepted too)
  --implicit    3D Tiles 1.1 implicit tiling: each file's tileset.json names tile and subtree templates
                (tiles/{level}/{x}/{y}.glb, subtrees/…) instead of listing every tile; for state-sized runs
  --json        print the summary as JSON on stdout instead of text
  --shard i/N   convert only this run's share (0 ≤ i < N) of the files, balanced by size; every shard sees the
                same inputs. 'merge' then joins the shards' --out folders into one tileset, the same bytes as one run
`;

export class UsageError extends Error {}

interface CliOptions {
  inputs: string[];
  out: string;
  crs?: string;
  geoid?: string | number;
  jobs: number;
  json: boolean;
  force: boolean;
  shard?: Shard;
  lod: boolean;
  implicit: boolean;
}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        crs: { type: 'string' },
        geoid: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        shard: { type: 'string' },
        lod: { type: 'boolean', default: false },
        'no-lod': { type: 'boolean', default: false },
        implicit: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no input files or folders given');
  if (!values.out) throw new UsageError('--out <dir> is required');
  if (values.lod && values['no-lod']) throw new UsageError('--lod and --no-lod contradict each other');
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not "${values.jobs}"`);
  const geoid = values.geoid === undefined ? undefined : Number.isFinite(Number(values.geoid)) ? Number(values.geoid) : values.geoid;
  if (values.crs !== undefined && !parseSrsName(values.crs)) throw new UsageError(`--crs "${values.crs}" is not a CRS TwinBy knows (e.g. EPSG:25832)`);
  try {
    parseGeoidOption(geoid); // the same check each file would make, once and up front
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  let shard: Shard | undefined;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return { inputs: positionals, out: resolve(values.out), crs: values.crs, geoid, jobs, json: values.json, force: values.force, shard, lod: !values['no-lod'], implicit: values.implicit };
}

async function readChild(out: string, result: JobResult, name: string): Promise<(ChildTileset & { name: string }) | undefined> {
  if (result.summary.buildings === 0) return undefined;
  try {
    const tileset = JSON.parse(await readFile(join(out, name, 'tileset.json'), 'utf8'));
    return { name, uri: `${encodeURIComponent(name)}/tileset.json`, tileset };
  } catch {
    return undefined; // failed before its tileset.json was written
  }
}

/**
 * Files up to this size keep their converted buildings in memory (~1 kB each: ~40 MB at 256 MB of CityGML) instead of
 * spilling them to a temporary file: the tiles are then written without reading every building back (40 MB town:
 * 2.7 % less wall, 10 pairs). Larger files, and pipes (size unknown), spill, so memory follows the tile.
 */
export const IN_MEMORY_MAX_BYTES = 256 * 2 ** 20;

/** Paths below the working directory print relative, others absolute. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export interface MainHooks {
  /** A conversion process the bin started before the CLI loaded (spawnConvertProcess); released if not needed. */
  conversionProcess?: ChildProcess;
}

export async function main(argv: string[], hooks: MainHooks = {}): Promise<number> {
  if (hooks.conversionProcess) prestartConvertProcess(hooks.conversionProcess);
  try {
    return await command(argv);
  } finally {
    releaseSpareConvertProcess();
  }
}

async function command(argv: string[]): Promise<number> {
  if (argv[0] === 'merge') return mergeMain(argv.slice(1), USAGE);
  let options;
  try {
    options = parseCli(argv);
    if (options === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`twinby-convert: ${err.message}\n\n${USAGE}`);
    return 2;
  }

  prestartConvertProcess();
  return convertCommand(options);
}

async function convertCommand(options: CliOptions): Promise<number> {
  const all = await collectInputs(options.inputs).catch((err: Error) => err);
  if (all instanceof Error || all.length === 0) {
    process.stderr.write(`twinby-convert: ${all instanceof Error ? all.message : 'no .gml or .xml files found'}\n`);
    return 2;
  }
  // names come from the whole list, so every shard names a file as one run would
  const positions = options.shard ? shardPositions(all, options.shard) : all.map((_, i) => i);
  const inputs = positions.map((i) => all[i]);

  const started = performance.now();
  const rootName = 'tileset.json';
  let output: OutputFolder;
  try {
    output = await OutputFolder.open(options.out, options.force, [rootName, MANIFEST, SHARD_FILE, ...inputs.map((i) => i.name)]);
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    process.stderr.write(`twinby-convert: ${err.message}\n`);
    return 2;
  }
  // Interrupted: the conversion processes stop (none writes on), the staging folder goes, the target stays as it was.
  const onSignal = (signal: NodeJS.Signals) => {
    void stopAllConvertProcesses().finally(() => {
      rmSync(output.staging, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    if (options.shard && inputs.length === 0) return await emptyShard(output, options.shard, all.length);
    const shard = options.shard && { ...options.shard, inputs: all.length, positions };
    return await convertInto(output, inputs, options, started, rootName, shard);
  } catch (err) {
    if (!(err instanceof OutputError) && !(err instanceof NonFiniteError)) throw err;
    process.stderr.write(`twinby-convert: ${err.message}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await output.discard();
  }
}

async function convertInto(
  output: OutputFolder,
  inputs: InputFile[],
  options: CliOptions,
  started: number,
  rootName: string,
  shard?: ShardRun,
): Promise<number> {
  const jobs: ConvertJob[] = inputs.map((input, id) => ({
    id,
    input: input.path,
    outDir: join(output.staging, input.name),
    file: displayPath(input.path),
    bytes: input.bytes,
    crs: options.crs,
    geoid: options.geoid,
    lod: options.lod,
    implicit: options.implicit,
    // beside the output (input-sized disks), never committed: only the named folders move to the target
    spill: input.bytes > 0 && input.bytes <= IN_MEMORY_MAX_BYTES ? undefined : join(output.staging, `.spill-${id}.bin`),
  }));
  const totalBytes = inputs.reduce((sum, i) => sum + i.bytes, 0);
  const bar = new ProgressBar(process.stderr, totalBytes, jobs.length);
  const results = await convertInPool(jobs, {
    concurrency: options.jobs,
    onProgress: (job, p) => bar.update(job, p),
    onDone: (r) => bar.fileDone(r),
  });
  bar.finish();

  const children = (await Promise.all(results.map((r) => readChild(output.staging, r, inputs[r.job.id].name)))).filter(
    (c): c is ChildTileset & { name: string } => c !== undefined,
  );
  const summary = summarize(results, (performance.now() - started) / 1000, totalBytes);
  if (children.length > 0) {
    const root = stringifyFinite(buildRootTileset(children), join(output.target, rootName), 2);
    try {
      await writeFile(join(output.staging, rootName), root);
    } catch (err) {
      throw new OutputError(describeFsError(err, join(output.target, rootName)));
    }
    const extra = shard ? [await writeShardRecord(output, shard, inputs, children)] : [];
    // Only files that converted replace an earlier run's folder; a failed one leaves it as it was.
    await output.commit([...children.map((c) => c.name), rootName, ...extra]);
    summary.bytesWritten += Buffer.byteLength(root);
    summary.tileset = displayPath(join(output.target, rootName));
  }
  process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
  return summary.failed > 0 || children.length === 0 ? 1 : 0;
}
