// The CLI's conversion threads run with a small young generation and a capped old generation
// (tools/convert/worker-limits.ts): V8's default semi-spaces kept 60–70 MB more RSS of short-lived converter buffers,
// and an uncapped old generation let the heap grow to four times what was alive (bench:memory).
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startConvertWorker } from '../../../../tools/convert/convert-pool';
import { CONVERT_NODE_FLAGS, CONVERT_OLD_SPACE_MB, CONVERT_RESOURCE_LIMITS, CONVERT_SEMI_SPACE_MB } from '../../../../tools/convert/worker-limits';

describe('conversion thread limits', () => {
  it('starts each conversion thread with the small young generation and the capped old generation', async () => {
    const worker = startConvertWorker();
    try {
      await once(worker, 'online');
      // what V8 was given for this thread, as the running worker reports it
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb);
      expect(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBeLessThanOrEqual(16);
      // below 2 GB V8 grows the old generation by at most 2x what survived (1.6x at 1 GB), not 4x
      expect(worker.resourceLimits?.maxOldGenerationSizeMb).toBe(CONVERT_OLD_SPACE_MB);
      expect(CONVERT_OLD_SPACE_MB).toBeLessThan(2048);
    } finally {
      await worker.terminate();
    }
  });

  it('gives bench:memory the same semi-space and old-generation cap as the threads', () => {
    expect(CONVERT_NODE_FLAGS).toContain(`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`);
    expect(CONVERT_NODE_FLAGS).toContain(`--max-old-space-size=${CONVERT_OLD_SPACE_MB}`);
    expect(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBe(3 * CONVERT_SEMI_SPACE_MB);
  });
});
