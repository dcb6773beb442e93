import type { XmlElement } from './xml-tree';

/** First child with this local name (any namespace), or undefined. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/** All children with this local name (any namespace). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Trimmed text of the first child with this local name, or undefined. */
export function childText(el: XmlElement, name: string): string | undefined {
  return childNamed(el, name)?.text.trim();
}

/** Depth-first search for the first descendant (not el itself) with this local name. */
export function findDescendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const d = findDescendant(c, name);
    if (d) return d;
  }
  return undefined;
}
