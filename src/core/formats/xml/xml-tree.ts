/**
 * A small, DOM-free XML tree on saxes, fit for workers.
 *
 * saxes runs about twice as fast with its own namespace handling and position tracking
 * switched off, so this reader resolves prefixes itself and only re-parses with positions
 * when it has to report where an error is (see {@link locateElement}).
 */
import { SaxesParser } from 'saxes';
import { ElementError, XmlReadError } from './xml-error';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI, '' when none. */
  ns: string;
  /** Attributes by local name (gml:id → id, xlink:href → href); xmlns declarations are dropped. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data before the first child element (all of it for leaves), not trimmed. */
  text: string;
  /** 0-based ordinal of this element's start tag in the document; used to locate errors. */
  index: number;
}

type NsScope = Record<string, string>;

/**
 * Deepest element nesting read: real GML/XPlanung stays under 40 levels; the readers on top recurse per
 * level, so a hostile 12,000-level document would end in a RangeError that loses the whole response.
 */
export const MAX_XML_DEPTH = 256;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Shared by all elements without attributes; never written to. */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export interface ParseXmlOptions {
  /**
   * Called when an element ends, with its parent (null for the root) and depth (root = 0).
   * Returning true drops the element from its parent: a reader can then consume a large
   * document element by element, and the garbage collector frees what was read.
   */
  onClose?: (el: XmlElement, parent: XmlElement | null, depth: number) => boolean | void;
  /**
   * Called for each start tag with its local name, namespace and depth: true leaves the element and
   * its subtree out of the tree (saxes still checks it), e.g. the gml:boundedBy of every feature.
   */
  skip?: (name: string, ns: string, depth: number) => boolean;
}

/** Parses a document into a tree. Throws {@link XmlReadError} with line and column on malformed XML. */
export function parseXml(text: string, source = 'XML', options: ParseXmlOptions = {}): XmlElement {
  const onClose = options.onClose;
  const skip = options.skip;
  let skipping = 0;
  let handlerError: unknown = null;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlElement[] = [];
  const scopes: NsScope[] = [{ xml: XML_NS }];
  const scopeDepth: number[] = [];
  let root: XmlElement | null = null;
  let index = 0;

  parser.on('opentag', (tag) => {
    if (stack.length + skipping >= MAX_XML_DEPTH) {
      handlerError = new XmlReadError(`${source}: elements nested deeper than ${MAX_XML_DEPTH} levels`, source, 0, 0);
      throw handlerError;
    }
    if (skipping > 0) {
      skipping++;
      index++;
      return;
    }
    const rawAttrs = tag.attributes as Record<string, string>;
    let scope = scopes[scopes.length - 1];
    if (skip) {
      const q = tag.name;
      const c = q.indexOf(':');
      // an element that declares namespaces itself is never skipped (its scope would need unwinding)
      const declares = Object.keys(rawAttrs).some((k) => k === 'xmlns' || k.startsWith('xmlns:'));
      if (!declares && skip(c < 0 ? q : q.slice(c + 1), scope[c < 0 ? '' : q.slice(0, c)] ?? '', stack.length)) {
        skipping = 1;
        index++;
        return;
      }
    }
    let attrs: Record<string, string> = NO_ATTRS;
    for (const key in rawAttrs) {
      if (key.charCodeAt(0) === 120 /* x */ && (key === 'xmlns' || key.startsWith('xmlns:'))) {
        if (scopeDepth[scopeDepth.length - 1] !== stack.length) {
          scope = { ...scope };
          scopes.push(scope);
          scopeDepth.push(stack.length);
        }
        scope[key === 'xmlns' ? '' : key.slice(6)] = rawAttrs[key];
        continue;
      }
      if (attrs === NO_ATTRS) attrs = {};
      const colon = key.indexOf(':');
      attrs[colon < 0 ? key : key.slice(colon + 1)] = rawAttrs[key];
    }
    const qname = tag.name;
    const colon = qname.indexOf(':');
    const el: XmlElement = {
      name: colon < 0 ? qname : qname.slice(colon + 1),
      ns: scope[colon < 0 ? '' : qname.slice(0, colon)] ?? '',
      attrs,
      children: [],
      text: '',
      index: index++,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  // Text only counts in leaves: the indentation around child elements is not kept.
  const onText = (t: string) => {
    if (skipping > 0) return;
    const top = stack[stack.length - 1];
    if (top && top.children.length === 0) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (skipping > 0) {
      skipping--;
      return;
    }
    const el = stack.pop();
    if (onClose && el) {
      const parent = stack.length ? stack[stack.length - 1] : null;
      let drop: boolean | void;
      try {
        drop = onClose(el, parent, stack.length);
      } catch (err) {
        handlerError = err;
        throw err;
      }
      if (drop === true && parent) parent.children.pop();
    }
    if (scopeDepth.length && scopeDepth[scopeDepth.length - 1] === stack.length) {
      scopeDepth.pop();
      scopes.pop();
    }
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (err === handlerError) throw err instanceof XmlReadError && err.line === 0 ? locateElementError(text, source, index, err) : err;
    throw locateSyntaxError(text, source, err);
  }
  if (!root) throw new XmlReadError(`${source}: no root element`, source, 1, 1);
  return root;
}

/** The depth error at the start tag with ordinal `index`. */
function locateElementError(text: string, source: string, index: number, err: XmlReadError): XmlReadError {
  const { line, column } = locateElement(text, index);
  return new XmlReadError(err.message.replace(`${source}: `, `${source}:${line}:${column}: `), source, line, column);
}

/** Re-parses with positions to report where saxes stopped. Only runs on the error path. */
function locateSyntaxError(text: string, source: string, original: unknown): XmlReadError {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let line = 1;
  let column = 1;
  parser.on('error', () => {
    line = parser.line;
    column = parser.column + 1;
    throw original;
  });
  try {
    parser.write(text).close();
  } catch {
    // the position was captured above
  }
  const reason = original instanceof Error ? original.message.replace(/^[^:]*:\d+:\d+: /, '') : String(original);
  return new XmlReadError(`${source}:${line}:${column}: malformed XML: ${reason}`, source, line, column);
}

/** Line and column (1-based) of the start tag with the given {@link XmlElement.index}. */
export function locateElement(text: string, elementIndex: number): { line: number; column: number } {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let seen = 0;
  let found: { line: number; column: number } | null = null;
  parser.on('opentagstart', (tag) => {
    if (found) return;
    // saxes has read "<name" and the character after it: step back to the '<' (1-based column)
    if (seen++ === elementIndex) found = { line: parser.line, column: parser.column - tag.name.length - 1 };
  });
  try {
    parser.write(text).close();
  } catch {
    // a position before the syntax error is still useful
  }
  return found ?? { line: 1, column: 1 };
}

/** Adds file, line and column to an {@link ElementError}; passes other errors through. */
export function toReadError(err: unknown, text: string, source: string): unknown {
  if (!(err instanceof ElementError)) return err;
  const { line, column } = locateElement(text, err.element.index);
  return new XmlReadError(`${source}:${line}:${column}: ${err.message}`, source, line, column);
}
