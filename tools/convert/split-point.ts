/**
 * Where one CityGML file can be read as two: at the start of a top-level `cityObjectMember` near the middle,
 * right after the previous member's end tag. The second half is read as the file's own header (everything before
 * its first member: declaration, root element, boundedBy) followed by the bytes from the split on, so each
 * half is a whole document to the reader. Only ASCII-compatible encodings are split (the byte '<' is a '<').
 */
import { open } from 'node:fs/promises';

export interface SplitPlan {
  /** Bytes before the first member: what the second half is read behind. */
  header: Uint8Array;
  /** Offset of the member the second half starts with. */
  at: number;
  /** The root's end tag, which ends the first half. */
  closing: Uint8Array;
  /** Lines before `at` minus lines of the header: added to places the second half reports. */
  lineShift: number;
}

/** How much of the file's start is searched for the root element and the first member. */
const HEAD_BYTES = 256 * 1024;
/** How far around the middle a member start is looked for. */
const WINDOW_BYTES = 4 * 1024 * 1024;
const latin1 = new TextDecoder('latin1');

/** A split near the middle of the file, or null when the file cannot be split safely. */
export async function planSplit(path: string, size: number): Promise<SplitPlan | null> {
  const file = await open(path, 'r');
  try {
    const head = await readAt(file, 0, Math.min(size, HEAD_BYTES));
    const start = firstMember(head);
    if (!start) return null;
    const middle = Math.floor(size / 2);
    const windowStart = Math.max(start.offset + 1, middle - WINDOW_BYTES / 2);
    const window = await readAt(file, windowStart, Math.min(WINDOW_BYTES, size - windowStart));
    const at = memberStartNear(window, start.member, middle - windowStart);
    if (at < 0) return null;
    const lineShift = (await countNewlines(file, windowStart + at)) - countIn(head, 0, start.offset);
    return { header: head.slice(0, start.offset), at: windowStart + at, closing: new TextEncoder().encode(`</${start.root}>\n`), lineShift };
  } finally {
    await file.close();
  }
}

async function readAt(file: Awaited<ReturnType<typeof open>>, position: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(bytes, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

/** The root's name and the first top-level member's name and offset; null for encodings other than ASCII's kin. */
export function firstMember(head: Uint8Array): { root: string; member: string; offset: number } | null {
  // UTF-16 (a BOM or NUL bytes) and EBCDIC-like starts are read whole.
  if (head.length < 4 || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe) || head.subarray(0, 512).includes(0)) return null;
  const text = latin1.decode(head);
  // the first element: not a declaration, comment, doctype or processing instruction
  const root = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s>/]/.exec(stripProlog(text));
  if (!root || !/(^|:)CityModel$/.test(root[1])) return null;
  const prefix = root[1].includes(':') ? `${root[1].split(':')[0]}:` : '';
  const member = `${prefix}cityObjectMember`;
  const offset = text.indexOf(`<${member}>`);
  if (offset < 0 || /<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(text.slice(0, offset))) return null;
  return { root: root[1], member, offset };
}

function stripProlog(text: string): string {
  return text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
}

/** The offset in `window` of a `<member>` start that directly follows `</member>`, nearest after `from`. */
export function memberStartNear(window: Uint8Array, member: string, from: number): number {
  const text = latin1.decode(window);
  const open = `<${member}>`;
  const close = `</${member}>`;
  for (let i = text.indexOf(open, Math.max(0, from)); i >= 0; i = text.indexOf(open, i + 1)) {
    // only whitespace between the previous member's end tag and this one: a real boundary, not text or a comment
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\n' || text[j] === '\r' || text[j] === '\t')) j--;
    if (j + 1 >= close.length && text.slice(j + 1 - close.length, j + 1) === close) return i;
  }
  return -1;
}

async function countNewlines(file: Awaited<ReturnType<typeof open>>, end: number): Promise<number> {
  const chunk = new Uint8Array(1 << 20);
  let lines = 0;
  for (let position = 0; position < end; ) {
    const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, end - position), position);
    if (bytesRead === 0) break;
    lines += countIn(chunk, 0, bytesRead);
    position += bytesRead;
  }
  return lines;
}

function countIn(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10, from); i >= 0 && i < to; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
