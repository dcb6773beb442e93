// deploy/k8s stays consistent with the CLI: as many completions as shards, the flags twinby-convert knows, one volume.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../../../../deploy/k8s');
const read = (name: string) => readFileSync(resolve(dir, name), 'utf8');

describe('deploy/k8s', () => {
  const shards = read('convert-shards.yaml');
  const merge = read('merge.yaml');
  const volume = read('volume.yaml');

  it('runs one indexed pod per shard, each with its own output folder', () => {
    const completions = Number(/^\s*completions:\s*(\d+)/m.exec(shards)?.[1]);
    const parallelism = Number(/^\s*parallelism:\s*(\d+)/m.exec(shards)?.[1]);
    expect(/completionMode:\s*Indexed/.test(shards)).toBe(true);
    expect(shards).toContain(`--shard "\${JOB_COMPLETION_INDEX}/${completions}"`);
    expect(shards).toContain('--out "/data/shards/shard-${JOB_COMPLETION_INDEX}"');
    expect(parallelism).toBeLessThanOrEqual(completions);
  });

  it('merges every shard folder into one tileset on the same volume and image', () => {
    expect(merge).toMatch(/twinby-convert\.mjs merge \/data\/shards\/shard-\* --out \/data\/tiles/);
    const claim = /^\s*name:\s*(\S+)/m.exec(volume.slice(volume.indexOf('metadata:')))?.[1];
    for (const job of [shards, merge]) {
      expect(job).toContain(`claimName: ${claim}`);
      expect(job).toContain('image: registry.example/twinby-convert:0.1.0');
    }
    expect(volume).toMatch(/ReadWriteMany/);
  });
});
