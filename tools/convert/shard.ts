/**
 * `--shard i/N`: one of N runs over the same inputs converts only its share of the files, so N machines
 * (a Kubernetes Indexed Job, see deploy/k8s/) convert a state in parallel; `twinby-convert merge` then
 * puts the shards' folders under one root. Files are the unit (LoD2 deliveries come as many 1–2 km tiles),
 * so a file's tileset is the same bytes whichever shard made it. Shares are balanced by bytes (greedy,
 * largest first), from the whole input list: every shard computes the same split without talking to the others.
 */
import type { InputFile } from './collect-inputs';

/** Written into a shard's --out: which inputs (by position in the whole list) it converted. */
export const SHARD_FILE = 'twinby-shard.json';

export interface Shard {
  index: number;
  count: number;
}

export interface ShardRecord {
  tool: 'twinby-convert';
  shard: number;
  of: number;
  /** Input files in the whole run. */
  inputs: number;
  /** The child tilesets this shard wrote, with their position in the whole input list. */
  children: { name: string; position: number }[];
}

/** "i/N" with 0 ≤ i < N (JOB_COMPLETION_INDEX counts from 0); throws a usage message otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count || count > 100_000) {
    throw new Error(`--shard must be "i/N" with 0 ≤ i < N (e.g. 0/4 … 3/4), not "${text}"`);
  }
  return { index, count };
}

/** Positions (in `inputs`) of the files shard `index` of `count` converts, in input order. */
export function shardPositions(inputs: readonly InputFile[], { index, count }: Shard): number[] {
  const order = inputs.map((_, i) => i).sort((a, b) => inputs[b].bytes - inputs[a].bytes || a - b);
  const load = new Array<number>(count).fill(0);
  const mine: number[] = [];
  for (const position of order) {
    let least = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[least]) least = s;
    load[least] += Math.max(inputs[position].bytes, 1);
    if (least === index) mine.push(position);
  }
  return mine.sort((a, b) => a - b);
}

export function parseShardRecord(text: string, where: string): ShardRecord {
  let record: ShardRecord;
  try {
    record = JSON.parse(text) as ShardRecord;
  } catch {
    throw new Error(`${where}: not JSON`);
  }
  const ok =
    record?.tool === 'twinby-convert' &&
    Number.isInteger(record.shard) &&
    Number.isInteger(record.of) &&
    Number.isInteger(record.inputs) &&
    Array.isArray(record.children) &&
    record.children.every((c) => typeof c?.name === 'string' && Number.isInteger(c.position) && !/[\\/]|^\.\.?$/.test(c.name));
  if (!ok) throw new Error(`${where}: not a twinby-convert shard record`);
  return record;
}
