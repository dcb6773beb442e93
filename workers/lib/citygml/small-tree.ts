/**
 * A tiny element tree for the short subtrees that carry attributes (an
 * address, a generic attribute, a 3.0 height). Geometry never goes here, and
 * a subtree is capped so a hostile file cannot grow it without bound.
 */
import type { Attributes } from '../../../src/core/formats/xml/xml-names';

export interface SmallElement {
  name: string;
  attrs: Attributes;
  text: string;
  children: SmallElement[];
}

const MAX_ELEMENTS = 10_000;
const MAX_TEXT = 100_000;

export class SmallTreeBuilder {
  private stack: SmallElement[] = [];
  private elements = 0;
  private textLength = 0;
  private overflow = 0;

  get active(): boolean {
    return this.stack.length > 0;
  }

  open(name: string, attrs: Attributes): void {
    if (this.overflow > 0 || (this.stack.length > 0 && this.elements >= MAX_ELEMENTS)) {
      this.overflow++;
      return;
    }
    const el: SmallElement = { name, attrs, text: '', children: [] };
    this.stack[this.stack.length - 1]?.children.push(el);
    this.stack.push(el);
    this.elements++;
  }

  text(t: string): void {
    if (this.overflow > 0 || this.textLength + t.length > MAX_TEXT) return;
    const el = this.stack[this.stack.length - 1];
    if (el !== undefined) {
      el.text += t;
      this.textLength += t.length;
    }
  }

  /** Closes the current element; returns the root when the subtree is complete. */
  close(): SmallElement | undefined {
    if (this.overflow > 0) {
      this.overflow--;
      return undefined;
    }
    const el = this.stack.pop();
    if (this.stack.length > 0) return undefined;
    this.elements = 0;
    this.textLength = 0;
    return el;
  }
}

/** The trimmed text of the first descendant (or self) named `name`. */
export function findText(el: SmallElement, name: string): string | undefined {
  const found = find(el, name);
  return found?.text.trim();
}

export function find(el: SmallElement, name: string): SmallElement | undefined {
  if (el.name === name) return el;
  for (const child of el.children) {
    const f = find(child, name);
    if (f) return f;
  }
  return undefined;
}

/** An attribute of a small element under any prefix. */
export function attr(el: SmallElement, local: string): string | undefined {
  for (const key in el.attrs) {
    if (key === local || key.endsWith(':' + local)) return el.attrs[key];
  }
  return undefined;
}
