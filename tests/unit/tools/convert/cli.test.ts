// twinby-convert end to end: spawns the package bin on fixture files and checks its output folder, summary and exit codes.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootTileset } from '../../../../tools/convert/root-tileset';
import type { RunSummary } from '../../../../tools/convert/summary';
import { validateTilesetDirectory } from '../../../helpers/validate-tileset';

const root = resolve(import.meta.dirname, '../../../..');
const bin = resolve(root, 'tools/bin/twinby-convert.mjs');
const fixtures = resolve(root, 'tests/fixtures/citygml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function convert(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'twinby-cli-'));
  // inputs/: two good files in a/, one in b/sub/, a broken one and a text file that the walk must skip.
  await mkdir(join(work, 'inputs/a'), { recursive: true });
  await mkdir(join(work, 'inputs/b/sub'), { recursive: true });
  await cp(join(fixtures, 'adv-lod2-citygml1.gml'), join(work, 'inputs/a/adv.gml'));
  await cp(join(fixtures, 'lod2-citygml3.gml'), join(work, 'inputs/a/v3.gml'));
  await cp(join(fixtures, 'latin1-citygml1.gml'), join(work, 'inputs/b/sub/latin1.xml'));
  await writeFile(join(work, 'inputs/notes.txt'), 'not CityGML, not picked up');
  const adv = await readFile(join(fixtures, 'adv-lod2-citygml1.gml'), 'utf8');
  // Cut inside the second building: the first one is complete and must still be written.
  const cut = adv.indexOf('gml:id="DEBY_LOD2_TEST2"') + 400;
  await writeFile(join(work, 'inputs/b/broken.gml'), adv.slice(0, cut));
  // No srsName anywhere: converts only when --crs names one.
  await writeFile(join(work, 'no-crs.gml'), adv.replace(/ srsName="[^"]*"/g, ''));
}, 30_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('twinby-convert', () => {
  it('converts a folder tree in parallel, keeps good data when one file is broken, and exits 1', async () => {
    const run = await convert(['inputs', '--out', 'out', '--jobs', '2'], work);
    expect(run.code, run.stderr).toBe(1);

    // Not a terminal: one plain progress line per file, no control characters.
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => /^\[\d\/4\] /.test(l))).toHaveLength(4);
    expect(run.stderr).not.toMatch(/\x1b|\r/);
    expect(run.stderr).toMatch(/broken\.gml: FAILED/);

    // The summary counts every building that converted, and places the failure.
    expect(run.stdout).toMatch(/^Converted 3\/4 files in \d+\.\d\d s: 5 buildings, [\d,]+ triangles, \d+ tiles$/m);
    expect(run.stdout).toMatch(/input [\d.]+ MB at [\d.]+ MB\/s, output [\d.]+ MB, peak RSS \d+ MB/);
    expect(run.stdout).toMatch(/1 file failed:\n\s+inputs\/b\/broken\.gml:\d+:\d+: The file ends before the XML is complete.* \[truncated\]$/m);
    expect(run.stdout).toMatch(/Tileset: out\/tileset\.json/);

    const rootTileset = await readJson<RootTileset>(join(work, 'out/tileset.json'));
    expect(rootTileset.root.children.map((c) => c.content.uri).sort()).toEqual(
      ['adv/tileset.json', 'broken/tileset.json', 'latin1/tileset.json', 'v3/tileset.json'],
    );
    for (const child of rootTileset.root.children) {
      expect(existsSync(join(work, 'out', child.content.uri))).toBe(true);
      expect(child.geometricError).toBeLessThanOrEqual(rootTileset.root.geometricError);
    }
    expect(existsSync(join(work, 'out/notes'))).toBe(false);

    const report = await validateTilesetDirectory(join(work, 'out'));
    expect(report.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(report.numErrors).toBe(0);
  }, 120_000);

  it('prints a JSON summary whose totals match the inputs, and exits 0 when all converted', async () => {
    const run = await convert(['inputs/a', 'inputs/b/sub/latin1.xml', '--out', 'out-json', '--json'], work);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as RunSummary;
    const sizes = await Promise.all(['inputs/a/adv.gml', 'inputs/a/v3.gml', 'inputs/b/sub/latin1.xml'].map((p) => stat(join(work, p))));
    expect(summary).toMatchObject({ files: 3, failed: 0, buildings: 4, failures: [], tileset: 'out-json/tileset.json' });
    expect(summary.bytesRead).toBe(sizes.reduce((s, x) => s + x.size, 0));
    expect(summary.triangles).toBeGreaterThan(0);
    expect(summary.tiles).toBeGreaterThanOrEqual(3);
    expect(summary.peakRssBytes).toBeGreaterThan(20e6);
    expect(summary.megabytesPerSecond).toBeGreaterThan(0);
    expect(summary.bytesWritten).toBeGreaterThan(0);
  }, 120_000);

  it('passes --crs and --geoid through to the conversion', async () => {
    const without = await convert(['no-crs.gml', '--out', 'out-crs0', '--json'], work);
    expect(without.code).toBe(1);
    const failed = JSON.parse(without.stdout) as RunSummary;
    expect(failed.failures[0].message).toMatch(/CRS|srsName/i);
    expect(existsSync(join(work, 'out-crs0/tileset.json'))).toBe(false);

    const low = await convert(['no-crs.gml', '--out', 'out-crs1', '--crs', 'EPSG:25832', '--geoid', '0', '--json'], work);
    const high = await convert(['no-crs.gml', '--out', 'out-crs2', '--crs', 'EPSG:25832', '--geoid', '100', '--json'], work);
    expect(low.code, low.stdout).toBe(0);
    expect(high.code, high.stdout).toBe(0);
    expect((JSON.parse(low.stdout) as RunSummary).buildings).toBe(2);
    const lowRegion = (await readJson<RootTileset>(join(work, 'out-crs1/tileset.json'))).root.boundingVolume.region;
    const highRegion = (await readJson<RootTileset>(join(work, 'out-crs2/tileset.json'))).root.boundingVolume.region;
    expect(highRegion[4] - lowRegion[4]).toBeCloseTo(100, 1);
    expect(highRegion[5] - lowRegion[5]).toBeCloseTo(100, 1);
  }, 120_000);

  it('answers usage errors with exit code 2 and the usage text', async () => {
    const noOut = await convert(['inputs'], work);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out <dir> is required/);
    expect(noOut.stderr).toMatch(/^Usage: twinby-convert/m);

    const missing = await convert(['nowhere.gml', '--out', 'x'], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/input not found: nowhere\.gml/);

    const badJobs = await convert(['inputs', '--out', 'x', '--jobs', 'many'], work);
    expect(badJobs.code).toBe(2);
    const badGeoid = await convert(['inputs', '--out', 'x', '--geoid', 'sea-level'], work);
    expect(badGeoid.code).toBe(2);
    expect(badGeoid.stderr).toMatch(/Invalid geoid option "sea-level"/);
    const badCrs = await convert(['inputs', '--out', 'x', '--crs', 'EPSG:0'], work);
    expect(badCrs.code).toBe(2);
    expect(badCrs.stderr).toMatch(/--crs "EPSG:0" is not a CRS/);

    await mkdir(join(work, 'empty'), { recursive: true });
    const empty = await convert(['empty', '--out', 'x'], work);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no \.gml or \.xml files found/);

    const help = await convert(['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--jobs/);
  }, 120_000);
});
