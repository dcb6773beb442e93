/**
 * A fatal problem with a CityGML input: not XML, malformed, truncated, refused
 * (entity declarations) or an unsupported encoding. Carries the place so the
 * message can point the user at it; `code` is stable for programs.
 */
import type { XmlFailure } from '../../../src/core/formats/xml/xml-tokenizer';

export class CityGMLError extends Error {
  code: string;
  file?: string;
  line?: number;
  column?: number;

  constructor(code: string, message: string, place: { file?: string; line?: number; column?: number } = {}) {
    super(formatMessage(message, place));
    this.name = 'CityGMLError';
    this.code = code;
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }
}

/** The shared tokenizer's failures as CityGMLErrors (the CityGML reader's). */
export const cityGmlFailure: XmlFailure = (code, message, place) => new CityGMLError(code, message, place);

function formatMessage(message: string, place: { file?: string; line?: number; column?: number }): string {
  let where = place.file ?? '';
  if (place.line !== undefined) where += `${where ? ':' : 'line '}${place.line}${place.column !== undefined ? `:${place.column}` : ''}`;
  return where ? `${where}: ${message}` : message;
}
