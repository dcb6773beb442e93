/**
 * One shared copy per distinct short attribute value. Codes and units repeat in almost
 * every building ("31001_1000", "urn:adv:uom:m", the Gemeindeschlüssel …): pooled, a
 * 17,000-building town keeps a few hundred strings instead of ~150,000 (about 200 bytes a
 * building). The pool is bounded, so unique values (addresses, names) cannot grow it without end;
 * past the bound, values are only owned.
 */
import { ownString } from './own-strings';

const MAX_POOLED_LENGTH = 64;
const MAX_ENTRIES = 50_000;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pooled copy of s (never a slice of s's parent). */
  intern(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    const own = ownString(s);
    // The owned copy is the key as well: a sliced key would keep its parent alive.
    if (s.length <= MAX_POOLED_LENGTH && this.strings.size < MAX_ENTRIES) this.strings.set(own, own);
    return own;
  }

  get size(): number {
    return this.strings.size;
  }
}
