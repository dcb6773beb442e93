/**
 * When the command starts itself again with glibc's malloc arenas limited. glibc gives every thread that allocates an
 * arena of its own, and arenas keep what was freed: a file of 1M buildings peaked at 402 MB with the default arenas
 * and at 370 MB with two, at the same speed. glibc reads MALLOC_ARENA_MAX only at start-up, so setting it costs a
 * second start (~0.14 s, a quarter of a small file's whole run) and saves only a few MB on small runs (40 MB town:
 * 116 → 102 MB peak; 300 MB: 139 → 125 MB). So only large runs, or runs reading a pipe of unknown size, pay for it.
 */
import type { InputFile } from './collect-inputs';

export const ARENA_LIMIT_FROM_BYTES = 512 * 1024 * 1024;

export function wantsArenaLimit(inputs: InputFile[]): boolean {
  return inputs.some((i) => !i.regular) || inputs.reduce((sum, i) => sum + i.bytes, 0) >= ARENA_LIMIT_FROM_BYTES;
}
