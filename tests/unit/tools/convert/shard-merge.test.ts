// --shard i/N and merge: four shard runs plus a merge give the same files, byte for byte, as one run.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTown } from '../../../../tools/make-demo/generate-town';
import { parseShard, shardPositions } from '../../../../tools/convert/shard';
import { validateTilesetDirectory } from '../../../helpers/validate-tileset';
import { packedCli } from '../../../helpers/packed-cli';

// the CLI as the package ships it: 14 runs without compiling the TypeScript CLI in each
let bin: string;
let disposeCli: () => void = () => {};

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { timeout: 300_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Every file under dir (relative path → bytes). */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

let work: string;
const FILES = 6;

beforeAll(async () => {
  ({ bin, dispose: disposeCli } = await packedCli());
  work = await mkdtemp(join(tmpdir(), 'twinby-shard-'));
  await mkdir(join(work, 'in'));
  // a synthetic town cut into six files of different sizes (as a state comes in map tiles)
  for (let k = 0; k < FILES; k++) {
    let text = '';
    for await (const piece of generateTown({ buildings: 20 + 15 * k, seed: 10 + k, origin: [724000 + 3000 * k, 5377500] })) text += piece;
    await writeFile(join(work, 'in', `tile_${k}.gml`), text);
  }
}, 120_000);
afterAll(async () => {
  disposeCli();
  await rm(work, { recursive: true, force: true });
});

describe('twinby-convert --shard and merge', () => {
  it('splits the files between shards by size, each file exactly once', () => {
    const inputs = Array.from({ length: 7 }, (_, i) => ({ path: `${i}`, name: `${i}`, bytes: [5, 90, 10, 40, 40, 1, 70][i] }));
    const shares = [0, 1, 2].map((index) => shardPositions(inputs, { index, count: 3 }));
    expect(shares.flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const loads = shares.map((s) => s.reduce((sum, i) => sum + inputs[i].bytes, 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(10);
    expect(() => parseShard('4/4')).toThrow(/0 ≤ i < N/);
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
  });

  it.each([
    ['levels of detail on', ['--lod']],
    ['implicit tiling with levels of detail', ['--lod', '--implicit']],
  ])('four shards plus merge equal one run, byte for byte, and pass the validator (%s)', async (name, flags) => {
    const run = join(work, name.replace(/ /g, '-'));
    const single = await cli([join(work, 'in'), '--out', join(run, 'single'), '--geoid', 'none', '--jobs', '1', ...flags]);
    expect(single.code, single.stderr).toBe(0);
    for (let i = 0; i < 4; i++) {
      const r = await cli([join(work, 'in'), '--out', join(run, `shard-${i}`), '--geoid', 'none', '--jobs', '1', ...flags, '--shard', `${i}/4`]);
      expect(r.code, r.stderr).toBe(0);
    }
    const shardDirs = [0, 1, 2, 3].map((i) => join(run, `shard-${i}`));
    // a missing shard is refused, naming it
    const partial = await cli(['merge', ...shardDirs.slice(0, 3), '--out', join(run, 'partial')]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('3/4 missing');

    const merged = await cli(['merge', ...shardDirs, '--out', join(run, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const a = tree(join(run, 'single'));
    const b = tree(join(run, 'merged'));
    if (flags.includes('--implicit')) expect([...a.keys()].some((k) => k.endsWith('.subtree'))).toBe(true);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a.keys()].filter((k) => k.endsWith('.glb')).length).toBeGreaterThanOrEqual(FILES);
    for (const [path, bytes] of a) expect(Buffer.compare(b.get(path)!, bytes), path).toBe(0);
    const report = await validateTilesetDirectory(join(run, 'merged'));
    expect(report.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(report.numErrors).toBe(0);
  }, 900_000);
});
