/**
 * A markup token (comment, CDATA, tag, DOCTYPE…) still open at the end of a large buffer. Its chunks are
 * kept in a list and only the new ones are scanned for its end, with the quote and bracket state carried
 * over: a 100 MB attribute or comment costs one pass, not one rescan of the whole token per chunk.
 */
import { APOS, GT, QUOTE } from './xml-chars';

type Kind = { end: string } | { tag: true; brackets: boolean };

function kindOf(head: string): Kind {
  if (head.startsWith('<!--')) return { end: '-->' };
  if (head.startsWith('<![CDATA[')) return { end: ']]>' };
  if (head.startsWith('<?')) return { end: '?>' };
  if (head.startsWith('</')) return { end: '>' };
  return { tag: true, brackets: head.startsWith('<!DOCTYPE') };
}

export class PendingToken {
  private readonly chunks: string[];
  private readonly kind: Kind;
  /** The last characters seen, for an end marker split across chunks. */
  private tail = '';
  quote = 0;
  depth = 0;

  /** `head`: the unfinished token from its "<", whose end is known not to be in it yet. */
  constructor(head: string) {
    this.chunks = [head];
    this.kind = kindOf(head);
    // an end marker may begin in the head's last characters
    this.scan(head, 'end' in this.kind ? head.length - this.kind.end.length + 1 : 1);
  }

  /** Adds a chunk; true once the token's end has been seen (then join() and parse as usual). */
  push(chunk: string): boolean {
    this.chunks.push(chunk);
    return this.scan(chunk, 0);
  }

  join(): string {
    return this.chunks.join('');
  }

  private scan(text: string, from: number): boolean {
    const kind = this.kind;
    if ('end' in kind) {
      const seen = this.tail + text.slice(from);
      this.tail = seen.slice(Math.max(0, seen.length - kind.end.length + 1));
      return seen.indexOf(kind.end) >= 0;
    }
    return tagEnd(text, from, kind.brackets, this) >= 0;
  }
}

/**
 * The index of the ">" that ends a tag, scanning from `from`: outside quotes, and with `brackets` outside a
 * DOCTYPE's internal subset [ … ]; -1 when not in `s`. `state` carries the quote and depth across chunks.
 */
export function tagEnd(s: string, from: number, brackets: boolean, state: { quote: number; depth: number }): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (state.quote !== 0) {
      if (c === state.quote) state.quote = 0;
    } else if (c === QUOTE || c === APOS) state.quote = c;
    else if (brackets && c === 91 /* [ */) state.depth++;
    else if (brackets && c === 93 /* ] */) state.depth--;
    else if (c === GT && state.depth <= 0) return i;
  }
  return -1;
}
