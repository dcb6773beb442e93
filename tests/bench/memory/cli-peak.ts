/**
 * bench:memory --cli: the same synthetic town through the `twinby-convert` command as a user runs it (the package
 * bin, which converts in a child process with MALLOC_ARENA_MAX=2). The town is streamed from its generator into a FIFO
 * that the CLI reads as its input file, so 1M buildings need no 9 GB on disk. With `file`, it is written to a file
 * first, as users' towns come: the command then knows its size, so a large file is read by a process of its own while
 * another builds its tiles (convert-pipeline.ts). Peaks are the kernel's VmHWM of each process of the command: the
 * ones that read and convert, and the command itself, which waits for them.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { generateTown } from '../../../tools/make-demo/generate-town';

const bin = resolve(import.meta.dirname, '../../../tools/bin/twinby-convert.mjs');

export interface CliPeak {
  seconds: number;
  inputMB: number;
  code: number | null;
  /** Peak RSS (VmHWM) per process of the command, the first the one started. */
  peaksMB: { pid: number; mb: number; command: string }[];
}

function status(pid: number): { hwm: number; children: number[]; command: string } | null {
  try {
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 2).join(' ');
    return { hwm, children, command };
  } catch {
    return null;
  }
}

export async function convertThroughCli(buildings: number, dir: string, extraArgs: string[] = [], file = false): Promise<CliPeak> {
  const input = join(dir, 'town.gml');
  if (!file) execFileSync('mkfifo', [input]);
  // a file is written whole before the command starts (its writing is not timed); a FIFO is fed while it runs
  const written = file ? await writeTown(buildings, input) : 0;
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, input, '--out', join(dir, 'out'), ...extraArgs], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = once(child, 'exit');
  // VmHWM only grows: the last reading of each process before it ends is its peak.
  const peaks = new Map<number, { pid: number; mb: number; command: string }>();
  const poll = () => {
    const queue = [child.pid!];
    while (queue.length) {
      const pid = queue.pop()!;
      const s = status(pid);
      // an ended process (a zombie) has no VmHWM left: keep what was read while it ran
      if (!s || !s.hwm) continue;
      peaks.set(pid, { pid, mb: Math.max(s.hwm / 2 ** 20, peaks.get(pid)?.mb ?? 0), command: s.command });
      queue.push(...s.children);
    }
  };
  const timer = setInterval(poll, 100);
  const bytes = file ? written : await writeTown(buildings, input);
  const [code] = (await exited) as [number | null];
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, inputMB: bytes / 1e6, code, peaksMB: [...peaks.values()] };
}

/** Streams the town from its generator into `path` (a FIFO or a file); resolves with its size in bytes. */
async function writeTown(buildings: number, path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for await (const piece of generateTown({ buildings, seed: 1 })) {
    bytes += Buffer.byteLength(piece);
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
