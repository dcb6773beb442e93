/**
 * The next occurrence of one character in a sliding text buffer, by absolute
 * offset. Asked in increasing order, it searches each buffer character at most
 * once, so "does this text node contain '&'?" or "which line is this?" never
 * rescans the rest of the chunk (which would be quadratic on one-line files).
 */
export class NextCharIndex {
  /** Absolute offset of the next occurrence, or Infinity if none up to the buffer's end. */
  next = Infinity;
  private searchedTo = 0;

  constructor(private readonly char: string) {}

  /** Call after the buffer grew; `offset` is the absolute offset of text[0]. */
  grown(text: string, offset: number): void {
    if (this.next === Infinity) this.find(text, offset, this.searchedTo);
  }

  /** Moves `next` to the first occurrence at or after `abs` (abs ≥ current position). */
  seek(text: string, offset: number, abs: number): void {
    if (this.next < abs) this.find(text, offset, abs);
  }

  private find(text: string, offset: number, fromAbs: number): void {
    const from = Math.max(fromAbs, offset);
    const i = text.indexOf(this.char, from - offset);
    if (i < 0) {
      this.next = Infinity;
      this.searchedTo = offset + text.length;
    } else {
      this.next = offset + i;
    }
  }
}
