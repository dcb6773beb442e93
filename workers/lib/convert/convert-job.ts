/**
 * Running one conversion, the same in the browser's CityGML worker and in the CLI's worker threads:
 * failures folded into the summary (so the worker lives on and other files go on) and progress
 * forwarded at most once per interval, the last one always.
 */
import type { ConvertProgress, ConvertSummary } from '../../types/convert';
import { convertCityGML, MAX_SUMMARY_WARNINGS } from './convert-citygml';

type ConvertArgs = Parameters<typeof convertCityGML>;

/** convertCityGML reports bad input in its summary; anything it throws is folded in the same way. */
export async function convertSafely(input: ConvertArgs[0], sink: ConvertArgs[1], options: NonNullable<ConvertArgs[2]> & { file?: string }): Promise<ConvertSummary> {
  const warnings: ConvertSummary['warnings'] = [];
  const onWarning = (w: ConvertSummary['warnings'][number]) => {
    // kept only for a summary after a throw, bounded like the converter's own
    if (warnings.length < MAX_SUMMARY_WARNINGS) warnings.push(w);
    options.onWarning?.(w);
  };
  try {
    return await convertCityGML(input, sink, { ...options, onWarning });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const context = e as Error & { code?: string; line?: number; column?: number; file?: string };
    return {
      buildings: 0,
      triangles: 0,
      tiles: 0,
      bytesRead: 0,
      bytesWritten: 0,
      warnings,
      error: { name: e.name, message: e.message, code: context.code, file: context.file ?? options.file, line: context.line, column: context.column },
    };
  }
}

/** Forwards progress at most once per `intervalMs`; flush() sends the latest one if it was held back. */
export function progressThrottle(onProgress: ((p: ConvertProgress) => unknown) | undefined, intervalMs: number) {
  let last = -Infinity;
  let pending: ConvertProgress | undefined;
  const send = (p: ConvertProgress) => {
    pending = undefined;
    last = performance.now();
    // a comlink proxy returns a promise; a closed port must not turn into an unhandled rejection
    if (onProgress) Promise.resolve(onProgress(p)).catch(() => {});
  };
  return {
    report(p: ConvertProgress) {
      if (p.phase === 'done' || performance.now() - last >= intervalMs) send({ ...p });
      else pending = { ...p };
    },
    flush() {
      if (pending) send(pending);
    },
  };
}
