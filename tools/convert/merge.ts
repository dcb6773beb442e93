/**
 * `twinby-convert merge <shard-dir…> --out <dir>`: joins the --out folders of `--shard i/N` runs into one
 * tileset. Every shard 0…N-1 of the same inputs must be there once; the child tilesets are copied (the shard
 * folders stay as they are) and the root is built from them in input order, so the result is the same bytes
 * as one run over all files. Exit 0, or 2 with one line naming the problem.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringifyFinite } from '../../workers/lib/tiles3d/finite-json';
import { describeFsError, MANIFEST, OutputError, OutputFolder } from './output-folder';
import { buildRootTileset, type ChildTileset } from './root-tileset';
import { parseShardRecord, SHARD_FILE, type ShardRecord } from './shard';

const ROOT = 'tileset.json';

class MergeError extends Error {}

async function readShards(dirs: string[]): Promise<{ dir: string; record: ShardRecord }[]> {
  const shards = [];
  for (const dir of dirs) {
    const path = join(dir, SHARD_FILE);
    const text = await readFile(path, 'utf8').catch(() => {
      throw new MergeError(`${path} not found: ${dir} is not the --out folder of a twinby-convert --shard run`);
    });
    try {
      shards.push({ dir, record: parseShardRecord(text, path) });
    } catch (err) {
      throw new MergeError((err as Error).message);
    }
  }
  const { of, inputs } = shards[0].record;
  for (const { dir, record } of shards) {
    if (record.of !== of || record.inputs !== inputs) {
      throw new MergeError(`${dir} is shard ${record.shard}/${record.of} of ${record.inputs} files, ${shards[0].dir} one of ${of} shards of ${inputs} files: not the same run`);
    }
  }
  const seen = new Map<number, string>();
  for (const { dir, record } of shards) {
    if (seen.has(record.shard)) throw new MergeError(`shard ${record.shard}/${of} given twice: ${seen.get(record.shard)} and ${dir}`);
    seen.set(record.shard, dir);
  }
  const missing = Array.from({ length: of }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new MergeError(`shard(s) ${missing.map((i) => `${i}/${of}`).join(', ')} missing: a merge needs all ${of}`);
  return shards;
}

export async function mergeMain(argv: string[], usage: string): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } },
    }));
    if (positionals.length === 0) throw new Error('merge: no shard folders given');
    if (!values.out) throw new Error('merge: --out <dir> is required');
  } catch (err) {
    process.stderr.write(`twinby-convert: ${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  let output: OutputFolder | undefined;
  try {
    const shards = await readShards(positionals.map((d) => resolve(d)));
    const children = shards
      .flatMap(({ dir, record }) => record.children.map((c) => ({ ...c, dir })))
      .sort((a, b) => a.position - b.position);
    const names = children.map((c) => c.name);
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new MergeError('two shards wrote a tileset of the same name: not the same run');
    output = await OutputFolder.open(resolve(values.out), values.force, [ROOT, MANIFEST, ...names]);
    const tilesets: ChildTileset[] = [];
    for (const c of children) {
      const from = join(c.dir, c.name);
      await cp(from, join(output.staging, c.name), { recursive: true }).catch((err) => {
        throw new OutputError(describeFsError(err, from));
      });
      const tileset = JSON.parse(await readFile(join(from, 'tileset.json'), 'utf8')) as ChildTileset['tileset'];
      tilesets.push({ uri: `${encodeURIComponent(c.name)}/tileset.json`, tileset });
    }
    if (tilesets.length === 0) throw new MergeError('the shards hold no converted tileset');
    const root = stringifyFinite(buildRootTileset(tilesets), join(output.target, ROOT), 2);
    await writeFile(join(output.staging, ROOT), root);
    await output.commit([...names, ROOT]);
    process.stdout.write(`twinby-convert merge: ${shards.length} shards, ${tilesets.length} tilesets → ${join(output.target, ROOT)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof MergeError) && !(err instanceof OutputError) && !(err instanceof SyntaxError)) throw err;
    process.stderr.write(`twinby-convert merge: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await output?.discard();
  }
}
