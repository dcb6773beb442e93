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
