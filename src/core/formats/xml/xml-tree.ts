/**
 * A small, DOM-free XML tree on the shared streaming tokenizer (./xml-tokenizer.ts, the CityGML reader's),
 * fit for workers. Prefixes are resolved to namespaces here; every element keeps the line and column of
 * its start tag, so a reader on the tree can name the place of any problem without parsing twice.
 */
import { ElementError, XmlReadError } from './xml-error';
import { NO_ATTRIBUTES, XmlTokenizer, type XmlAttributes, type XmlFailure, type XmlHandler } from './xml-tokenizer';

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
  /** 1-based line and column of the "<" of the start tag. */
  line: number;
  column: number;
}

type NsScope = Record<string, string>;

/** The scope outside the root: only the xml: prefix is bound. Never changed (a declaration copies the scope). */
const DOCUMENT_SCOPE: NsScope = { xml: 'http://www.w3.org/XML/1998/namespace' };

export interface ParseXmlOptions {
  /**
   * Called when an element ends, with its parent (null for the root) and depth (root = 0).
   * Returning true drops the element from its parent: a reader can then consume a large
   * document element by element, and the garbage collector frees what was read.
   */
  onClose?: (el: XmlElement, parent: XmlElement | null, depth: number) => boolean | void;
  /**
   * Called for each start tag with its local name, namespace and depth: true leaves the element and
   * its subtree out of the tree (the tokenizer still checks it), e.g. the gml:boundedBy of every feature.
   */
  skip?: (name: string, ns: string, depth: number) => boolean;
  /** Caps for a tree of one small subtree (the CityGML reader's attributes): elements past them are left out. */
  maxElements?: number;
  maxText?: number;
}

/** Builds the tree from tokenizer events; the CityGML reader builds its attribute subtrees with it too. */
export class TreeBuilder implements XmlHandler {
  root: XmlElement | null = null;
  private readonly stack: XmlElement[] = [];
  /** The namespace scope of each open element: its parent's, unless it declares namespaces. */
  private readonly scopes: NsScope[] = [];
  private skipping = 0;
  private elements = 0;
  private textLength = 0;

  constructor(private readonly options: ParseXmlOptions) {}

  /** Text only counts in leaves: the indentation around child elements is not kept. */
  get wantText(): boolean {
    const top = this.stack[this.stack.length - 1];
    return this.skipping === 0 && top !== undefined && top.children.length === 0;
  }

  openTag(qname: string, rawAttrs: XmlAttributes, line: number, column: number): void {
    const { stack } = this;
    if (this.skipping > 0 || this.elements++ >= (this.options.maxElements ?? Infinity)) {
      this.skipping++;
      return;
    }
    const outer = this.scopes[this.scopes.length - 1] ?? DOCUMENT_SCOPE;
    let scope = outer;
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const skip = this.options.skip;
    // an element that declares namespaces itself is never skipped: its own namespace may be among them
    if (skip && !Object.keys(rawAttrs).some(isNsDeclaration) && skip(local, scope[prefix] ?? '', stack.length)) {
      this.skipping = 1;
      return;
    }
    let attrs: Record<string, string> = NO_ATTRIBUTES;
    for (const key in rawAttrs) {
      if (isNsDeclaration(key)) {
        if (scope === outer) scope = { ...outer };
        scope[key === 'xmlns' ? '' : key.slice(6)] = rawAttrs[key];
        continue;
      }
      if (attrs === NO_ATTRIBUTES) attrs = {};
      const c = key.indexOf(':');
      attrs[c < 0 ? key : key.slice(c + 1)] = rawAttrs[key];
    }
    const el: XmlElement = { name: local, ns: scope[prefix] ?? '', attrs, children: [], text: '', line, column };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else this.root = el;
    stack.push(el);
    this.scopes.push(scope);
  }

  text(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (this.skipping > 0 || top === undefined || (this.textLength += t.length) > (this.options.maxText ?? Infinity)) return;
    top.text += t;
  }

  /** The finished tree, once; the builder is then ready for the next one. */
  take(): XmlElement | null {
    const root = this.stack.length === 0 ? this.root : null;
    if (root) this.root = null;
    this.elements = this.textLength = 0;
    return root;
  }

  closeTag(): void {
    if (this.skipping > 0) {
      this.skipping--;
      return;
    }
    const { stack } = this;
    const el = stack.pop()!;
    this.scopes.pop();
    const onClose = this.options.onClose;
    if (onClose) {
      const parent = stack.length ? stack[stack.length - 1] : null;
      if (onClose(el, parent, stack.length) === true && parent) parent.children.pop();
    }
  }
}

function isNsDeclaration(key: string): boolean {
  return key.charCodeAt(0) === 120 /* x */ && (key === 'xmlns' || key.startsWith('xmlns:'));
}

/** Errors of the tokenizer as "source:line:column: malformed XML: …" (or "…: elements nested deeper …"). */
function malformed(source: string): XmlFailure {
  return (code, message, { line, column }) => {
    const reason = message.replace(/^Malformed XML: /, '');
    const what = code === 'too-deep' || code === 'not-xml' ? '' : 'malformed XML: ';
    return new XmlReadError(`${source}:${line}:${column}: ${what}${reason[0].toLowerCase()}${reason.slice(1)}`, source, line, column);
  };
}

/** Parses a document into a tree. Throws {@link XmlReadError} with line and column on malformed XML. */
export function parseXml(text: string, source = 'XML', options: ParseXmlOptions = {}): XmlElement {
  const builder = new TreeBuilder(options);
  const tokenizer = new XmlTokenizer(builder, { file: source, fail: malformed(source) });
  tokenizer.write(text);
  tokenizer.close();
  if (!builder.root) throw new XmlReadError(`${source}:1:1: no root element`, source, 1, 1);
  return builder.root;
}

/** Adds file, line and column to an {@link ElementError}; passes other errors through. */
export function toReadError(err: unknown, _text: string, source: string): unknown {
  if (!(err instanceof ElementError)) return err;
  const { line, column } = err.element;
  return new XmlReadError(`${source}:${line}:${column}: ${err.message}`, source, line, column);
}
