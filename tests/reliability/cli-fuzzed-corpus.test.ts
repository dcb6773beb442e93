// Reliability: the CLI converts a seeded fuzzed corpus under a memory cap and a (generous) time cap. Every
// file converts or fails with file:line:column, nothing outside the output folder changes, good buildings
// are kept, and the output tileset passes Cesium's 3d-tiles-validator with 0 errors.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../tools/convert/summary';
import { validateTilesetDirectory } from '../helpers/validate-tileset';
import { writeCorpus, type CorpusFile } from './fuzzed-corpus';

const bin = resolve(import.meta.dirname, '../../tools/bin/twinby-convert.mjs');
/** Memory cap for the CLI process (its worker threads included in the process's heap budget). */
const MEMORY_CAP_MB = 1024;
/** Time cap: a hang ends here. Generous, so a busy machine never trips it; speed is not what is tested. */
const TIME_CAP_MS = 15 * 60_000;

let work: string;
let corpus: CorpusFile[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'twinby-reliability-'));
  mkdirSync(join(work, 'corpus'));
  corpus = writeCorpus(join(work, 'corpus'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir)) out[name] = statSync(join(dir, name)).size;
  return out;
}

describe('twinby-convert on a fuzzed corpus', () => {
  it('ends with a located message or output for every file, within the caps, and writes a valid tileset', async () => {
    const before = snapshot(join(work, 'corpus'));
    const run = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [`--max-old-space-size=${MEMORY_CAP_MB}`, bin, 'corpus', '--out', 'out', '--json', '--jobs', '2'],
        { cwd: work, timeout: TIME_CAP_MS, maxBuffer: 64 << 20, env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${MEMORY_CAP_MB}` } },
        (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, signal: (err as { signal?: NodeJS.Signals } | null)?.signal ?? null, stdout, stderr }),
      );
    });
    expect(run.signal, `killed: ${run.stderr.slice(-2000)}`).toBeNull();
    expect([0, 1], run.stderr.slice(-2000)).toContain(run.code);
    const summary = JSON.parse(run.stdout) as RunSummary;
    expect(summary.files).toBe(corpus.length);
    for (const f of summary.failures) {
      expect(f.file, JSON.stringify(f)).toMatch(/corpus\//);
      if (f.code !== 'empty-input' && f.code !== 'no-buildings' && f.code !== 'unknown-crs') expect(f.line, JSON.stringify(f)).toBeGreaterThan(0);
      expect(f.name).not.toMatch(/^(TypeError|RangeError|ReferenceError)$/);
    }
    // the corpus is untouched: the CLI only ever writes below --out
    expect(snapshot(join(work, 'corpus'))).toEqual(before);

    const root = JSON.parse(readFileSync(join(work, 'out/tileset.json'), 'utf8'));
    const children = new Map<string, number>();
    for (const child of root.root.children) {
      const name = decodeURIComponent(child.content.uri.split('/')[0]);
      const tileset = JSON.parse(readFileSync(join(work, 'out', name, 'tileset.json'), 'utf8'));
      children.set(name, JSON.stringify(tileset).length);
    }
    for (const f of corpus.filter((c) => c.minBuildings > 0)) expect(children.has(f.name.replace(/\.gml$/, '')), f.name).toBe(true);
    expect(readFileSync(join(work, 'out/tileset.json'), 'utf8')).not.toMatch(/null|NaN/);

    const report = await validateTilesetDirectory(join(work, 'out'));
    expect(report.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    expect(report.numErrors).toBe(0);
  });
});
