// The job running shared by the browser's CityGML worker and the CLI's threads (workers/lib/convert/convert-job.ts).
import { describe, expect, it } from 'vitest';
import { convertSafely, progressThrottle } from '../../../workers/lib/convert/convert-job';
import type { ConvertProgress } from '../../../workers/types/convert';

const p = (bytesRead: number, phase: ConvertProgress['phase'] = 'reading'): ConvertProgress => ({ bytesRead, buildings: 0, tiles: 0, phase });

describe('convert job', () => {
  it('progress: the first at once, then at most one per interval, the held-back one on flush, "done" always', () => {
    const seen: number[] = [];
    // an interval no run can reach: the test does not depend on the machine's speed
    const t = progressThrottle((x) => seen.push(x.bytesRead), 1e12);
    t.report(p(1));
    t.report(p(2));
    t.report(p(3));
    expect(seen).toEqual([1]);
    t.flush();
    expect(seen).toEqual([1, 3]);
    t.report(p(4, 'done'));
    expect(seen).toEqual([1, 3, 4]);
  });

  it('a throw inside the converter becomes the summary\'s error, naming the file', async () => {
    const broken = (async function* () {
      yield new TextEncoder().encode('<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0"><bldg:Building');
      throw Object.assign(new Error('disk went away'), { code: 'EIO' });
    })();
    const summary = await convertSafely(broken, { write() {} } as never, { file: 'stadt.gml' });
    expect(summary.error).toMatchObject({ message: expect.stringContaining('disk went away'), file: 'stadt.gml' });
    expect(summary.buildings).toBe(0);
  });
});
