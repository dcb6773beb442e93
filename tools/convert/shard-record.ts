/** Writes a shard's twinby-shard.json (see shard.ts) into the staging folder, to be committed with its tilesets. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputFile } from './collect-inputs';
import { describeFsError, OutputError, type OutputFolder } from './output-folder';
import { SHARD_FILE, type Shard, type ShardRecord } from './shard';

export interface ShardRun extends Shard {
  /** Input files in the whole run. */
  inputs: number;
  /** Positions in the whole input list of this shard's files, parallel to its inputs. */
  positions: number[];
}

/** Returns the entry name to commit. */
export async function writeShardRecord(output: OutputFolder, shard: ShardRun, inputs: InputFile[], children: { name: string }[]): Promise<string> {
  const written = new Set(children.map((c) => c.name));
  const record: ShardRecord = {
    tool: 'twinby-convert',
    shard: shard.index,
    of: shard.count,
    inputs: shard.inputs,
    children: inputs.flatMap((input, k) => (written.has(input.name) ? [{ name: input.name, position: shard.positions[k] }] : [])),
  };
  try {
    await writeFile(join(output.staging, SHARD_FILE), `${JSON.stringify(record, null, 1)}\n`);
  } catch (err) {
    throw new OutputError(describeFsError(err, join(output.target, SHARD_FILE)));
  }
  return SHARD_FILE;
}

/** More shards than files: this one has nothing to convert, and says so in its record (exit 0). */
export async function emptyShard(output: OutputFolder, shard: Shard, inputs: number): Promise<number> {
  await writeShardRecord(output, { ...shard, inputs, positions: [] }, [], []);
  await output.commit([SHARD_FILE]);
  process.stdout.write(`twinby-convert: shard ${shard.index}/${shard.count} has no files of the ${inputs} (more shards than files)\n`);
  return 0;
}
