/**
 * How the CLI's conversion processes are started (convert-process.ts): V8 and glibc settings that can only be given
 * at process start, which is why conversions run in child processes rather than worker threads.
 */

/**
 * A small young generation (semi-spaces of 4 MB instead of V8's 16 MB): the converter allocates many short-lived
 * buffers (spill records read back, per-tile geometry), and with big semi-spaces RSS carried 60–70 MB more of them
 * between scavenges; the CPU time was the same within noise (bench:memory, 100k buildings: peak RSS 275 MB against 346 MB).
 */
export const CONVERT_SEMI_SPACE_MB = 4;

/**
 * A cap on the old generation, far above what a conversion keeps alive (tens of MB: buildings wait on disk), set
 * because V8 sizes its heap by it: under 2 GB it lets the heap grow to at most 1.3–2 times what survived the last
 * full collection (1.6 at 1 GB) instead of up to 4 times, so dead objects, and the ArrayBuffers outside the heap that
 * they keep, are collected sooner. bench:memory, 100k buildings with levels of detail: peak RSS 301 → 218 MB; the
 * 40 MB town through the command: 277 → 219 MB at the same CPU time (busy machine).
 */
export const CONVERT_OLD_SPACE_MB = 1024;

/** The memory limits as Node flags (also allowed in NODE_OPTIONS, which bench:memory uses). */
export const CONVERT_NODE_FLAGS = [`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`, `--max-old-space-size=${CONVERT_OLD_SPACE_MB}`] as const;

/**
 * A conversion process's flags. `--single-threaded-gc`: one thread allocates, so V8's parallel GC helpers mostly
 * contend with it for the second core (40 MB town: 3 % less wall time). V8 takes it only at start-up: set at run
 * time it aborted the process in a later marking.
 */
export const CONVERT_PROCESS_FLAGS = [...CONVERT_NODE_FLAGS, '--single-threaded-gc'] as const;

/**
 * The first process's flags (the one started before the CLI has loaded): it reads a large file for another process
 * (convert-pipeline.ts) or converts a small one, and starts without the heap limits. A heap-size flag changes V8's
 * flag hash, so Node rejects the code cache of its own modules and compiles them again: an empty child took 36 ms to
 * start instead of 28 (10 runs), on the critical path of a read. A reader's memory is bounded by its frames (its peak
 * went from 66 to 74 MB on the 40 MB town), and a small file's conversion stays small whatever the heap.
 */
export const LEAN_PROCESS_FLAGS = ['--single-threaded-gc'] as const;

/** The largest file a lean process converts itself: a larger one, or a pipe (size unknown), gets the heap limits. */
export const LEAN_CONVERT_MAX_BYTES = 8 << 20;

/**
 * glibc's malloc, set for a conversion process (a variable the user set wins; glibc reads them only at start-up).
 * - MALLOC_ARENA_MAX=2: glibc gives every thread that allocates an arena of its own, and arenas keep what was freed:
 *   1M buildings peaked at 402 MB with the default arenas and at 370 MB with two, at the same speed.
 * - Fixed thresholds instead of glibc's sliding ones: by default freed memory above 128 KB goes back to the kernel and
 *   is faulted in again at the next allocation, and on a VM a fresh page costs ~12 µs. Keeping up to 16 MB (and
 *   asking 4 MB more at a time; mmap only from 32 MB, glibc's own ceiling) took the 40 MB town from 31,000 to 20,000
 *   page faults and 6 % of its wall time.
 */
export const CONVERT_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20),
  MALLOC_TRIM_THRESHOLD_: String(16 * 2 ** 20),
  MALLOC_TOP_PAD_: String(4 * 2 ** 20),
};

/**
 * The environment a conversion process starts with: the malloc settings under the parent's own variables, less
 * NODE_EXTRA_CA_CERTS. Node reads and parses that certificate file at every start, before any code runs (~50 ms for
 * Debian's bundle here, a quarter of a small file's conversion), and a conversion process opens no TLS connection.
 */
export function convertProcessEnv(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...CONVERT_MALLOC_ENV, ...parent };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
