// The CLI's conversion threads run with a small young generation (tools/convert/worker-limits.ts): V8's default
// semi-spaces kept 60–70 MB more RSS of short-lived converter buffers (bench:memory).
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startConvertWorker } from '../../../../tools/convert/convert-pool';
import { CONVERT_NODE_FLAGS, CONVERT_RESOURCE_LIMITS, CONVERT_SEMI_SPACE_MB } from '../../../../tools/convert/worker-limits';

describe('conversion thread limits', () => {
  it('starts each conversion thread with the small young generation', async () => {
    const worker = startConvertWorker();
    try {
      await once(worker, 'online');
      // what V8 was given for this thread, as the running worker reports it
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb);
      expect(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBeLessThanOrEqual(16);
    } finally {
      await worker.terminate();
    }
  });

  it('gives bench:memory the same semi-space as the threads', () => {
    expect(CONVERT_NODE_FLAGS).toContain(`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`);
    expect(CONVERT_RESOURCE_LIMITS.maxYoungGenerationSizeMb).toBe(3 * CONVERT_SEMI_SPACE_MB);
  });
});
