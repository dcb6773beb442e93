/**
 * V8 limits for the threads that convert. A small young generation (semi-spaces of 4 MB instead of V8's 16 MB):
 * the converter allocates many short-lived buffers (spill records read back, per-tile geometry), and with big
 * semi-spaces RSS carried 60–70 MB more of them between scavenges; the CPU time was the same within noise
 * (bench:memory, 100k buildings: peak RSS 275 MB against 346 MB).
 */
export const CONVERT_SEMI_SPACE_MB = 4;

/** For `new Worker(url, { resourceLimits })`: V8's young generation is three semi-spaces. */
export const CONVERT_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * CONVERT_SEMI_SPACE_MB } as const;

/** The same limit for a whole Node process (bench:memory runs the converter on its main thread). */
export const CONVERT_NODE_FLAGS = [`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`] as const;
