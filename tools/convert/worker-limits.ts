/**
 * V8 limits for the threads that convert. A small young generation (semi-spaces of 4 MB instead of V8's 16 MB):
 * the converter allocates many short-lived buffers (spill records read back, per-tile geometry), and with big
 * semi-spaces RSS carried 60–70 MB more of them between scavenges; the CPU time was the same within noise
 * (bench:memory, 100k buildings: peak RSS 275 MB against 346 MB).
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

/** For `new Worker(url, { resourceLimits })`: V8's young generation is three semi-spaces. */
export const CONVERT_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * CONVERT_SEMI_SPACE_MB, maxOldGenerationSizeMb: CONVERT_OLD_SPACE_MB } as const;

/** The same limits for a whole Node process (bench:memory runs the converter on its main thread). */
export const CONVERT_NODE_FLAGS = [`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`, `--max-old-space-size=${CONVERT_OLD_SPACE_MB}`] as const;
