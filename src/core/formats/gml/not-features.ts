/**
 * Documents that come back from a WFS URL but hold no features: an HTML page (a proxy's "503" sent with
 * HTTP 200, a login page), a capabilities document, an OWS exception in a namespace we do not expect.
 * They are named in a clear error instead of being read as one feature of type "html".
 */
import type { XmlElement } from '../xml/xml-tree';

const XHTML = 'http://www.w3.org/1999/xhtml';

function textOf(el: XmlElement, depth = 0): string {
  if (depth > 8) return '';
  return (el.text + el.children.map((c) => textOf(c, depth + 1)).join(' ')).replace(/\s+/g, ' ').trim();
}

function find(el: XmlElement, name: string, depth = 0): XmlElement | undefined {
  if (el.name.toLowerCase() === name) return el;
  if (depth > 8) return undefined;
  for (const c of el.children) {
    const f = find(c, name, depth + 1);
    if (f) return f;
  }
  return undefined;
}

/** Why a well-formed root is not a feature document, or null when it may be one. */
export function notFeaturesReason(root: XmlElement): string | null {
  if (root.ns === XHTML || root.name.toLowerCase() === 'html') {
    const said = [find(root, 'title'), find(root, 'h1')].map((e) => (e ? textOf(e) : '')).find((t) => t !== '');
    return `the server sent an HTML page, not a WFS response${said ? ` ("${said.slice(0, 120)}")` : ''}`;
  }
  if (/_Capabilities$|^Capabilities$/.test(root.name)) {
    return `the document is a service description (${root.name}), not a feature collection: ask for GetFeature`;
  }
  if (/Exception/.test(root.name)) return `the server sent an error (${root.name}): ${textOf(root).slice(0, 200)}`;
  return null;
}

/** A reason when the text is plainly not XML at all (HTML without XML syntax, JSON sent as XML, empty). */
export function sniffNotXml(text: string): string | null {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').trimStart();
  if (head === '') return 'the response is empty';
  if (/^<!DOCTYPE\s+html[\s>]/i.test(head) || /^<html[\s>]/i.test(head)) {
    const title = /<title[^>]*>([^<]{0,120})/i.exec(text.slice(0, 4096))?.[1]?.trim();
    return `the server sent an HTML page, not a WFS response${title ? ` ("${title}")` : ''}`;
  }
  return null;
}
