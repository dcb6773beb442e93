import { describe, expect, it } from 'vitest';
import type { ConvertJob } from '../../../../tools/convert/convert-job';
import type { JobResult } from '../../../../tools/convert/convert-pool';
import { ProgressBar } from '../../../../tools/convert/progress-bar';

const job = (id: number, bytes: number): ConvertJob => ({ id, input: `/d/${id}.gml`, outDir: `/o/${id}`, file: `f${id}.gml`, bytes });
const result = (j: ConvertJob, buildings: number, error?: string): JobResult => ({
  job: j,
  seconds: 1.5,
  peakRssBytes: 0,
  summary: {
    buildings,
    triangles: buildings * 10,
    tiles: 1,
    bytesRead: j.bytes,
    bytesWritten: 100,
    warnings: [],
    error: error ? { name: 'CityGMLError', message: error } : undefined,
  },
});

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, columns: 200, write: (t: string) => chunks.push(t) }, chunks };
}

describe('ProgressBar', () => {
  it('redraws one line on a terminal, with the share of bytes read and the running totals', () => {
    const { out, chunks } = sink(true);
    const a = job(0, 1000);
    const b = job(1, 3000);
    const bar = new ProgressBar(out, 4000, 2);
    bar.update(a, { bytesRead: 1000, buildings: 7, tiles: 0, phase: 'reading' });
    bar.fileDone(result(a, 8));
    bar.update(b, { bytesRead: 1000, buildings: 3, tiles: 0, phase: 'reading' });
    bar.fileDone(result(b, 20, 'broken'));
    bar.finish();
    const text = chunks.join('');
    // Every draw starts by returning to the line start; only the failure gets a line of its own.
    expect(chunks.filter((c) => c.startsWith('\r\x1b[2K[')).length).toBeGreaterThanOrEqual(2);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toMatch(/✗ f1\.gml: broken\n/);
    expect(text).toMatch(/ 25% 1\/2 files · 8 buildings/);
    expect(text).toMatch(/100% 2\/2 files · 28 buildings · 2 tiles/);
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes plain lines, one per finished file, when stderr is not a terminal', () => {
    const { out, chunks } = sink(false);
    const a = job(0, 10);
    const bar = new ProgressBar(out, 10, 1);
    bar.update(a, { bytesRead: 5, buildings: 1, tiles: 0, phase: 'reading' });
    bar.fileDone(result(a, 2));
    bar.finish();
    expect(chunks).toEqual(['[1/1] f0.gml: 2 buildings, 1 tiles (1.5 s)\n']);
  });

  it('without a terminal, still prints a totals line now and then during a long file', () => {
    const { out, chunks } = sink(false);
    const a = job(0, 2_000_000);
    const bar = new ProgressBar(out, 2_000_000, 1, 0);
    bar.update(a, { bytesRead: 1_000_000, buildings: 40, tiles: 0, phase: 'reading' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^… {2}50% 0\/1 files · 40 buildings · 0 tiles · [\d.]+ MB\/s\n$/);
    expect(chunks[0]).not.toMatch(/\x1b|\r|█/);
  });
});
