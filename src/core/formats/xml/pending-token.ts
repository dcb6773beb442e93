/**
 * A markup token (comment, CDATA, tag, DOCTYPE…) still open at the end of a large buffer. Its chunks are
 * kept in a list and only the new ones are scanned for its end, with the quote and bracket state carried
 * over: a 100 MB attribute or comment costs one pass, not one rescan of the whole token per chunk.
 */
const QUOTE = 34;
const APOS = 39;
const GT = 62;

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
  private quote = 0;
  private depth = 0;

  /** `head`: the unfinished token from its "<", whose end is known not to be in it yet. */
  constructor(head: string) {
    this.chunks = [head];
    this.kind = kindOf(head);
    this.scan(head, 'end' in this.kind ? head.length : 1);
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
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.quote !== 0) {
        if (c === this.quote) this.quote = 0;
      } else if (c === QUOTE || c === APOS) this.quote = c;
      else if (kind.brackets && c === 91 /* [ */) this.depth++;
      else if (kind.brackets && c === 93 /* ] */) this.depth--;
      else if (c === GT && this.depth <= 0) return true;
    }
    return false;
  }
}
