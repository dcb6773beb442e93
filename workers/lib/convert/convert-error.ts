import type { ConvertSummary } from '../../types/convert';

/** A fatal converter problem that is not the reader's (unknown CRS, bad options), with the place it was found. */
export class ConvertError extends Error {
  code: string;
  file?: string;
  line?: number;
  column?: number;

  constructor(code: string, message: string, place: { file?: string; line?: number; column?: number } = {}) {
    super(message);
    this.name = 'ConvertError';
    this.code = code;
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }
}

/** An error as a summary carries it: its class name, message, code and place. */
export function describeError(err: unknown, file?: string): NonNullable<ConvertSummary['error']> {
  const e = err instanceof Error ? err : new Error(String(err));
  const c = e as Error & { code?: string; file?: string; line?: number; column?: number };
  return { name: e.name, message: e.message, code: c.code, file: c.file ?? file, line: c.line, column: c.column };
}
