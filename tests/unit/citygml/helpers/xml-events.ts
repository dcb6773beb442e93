// Event streams of the XML tokenizer and of saxes (the reference), in one comparable form.
import { SaxesParser } from 'saxes';
import { type XmlAttributes, XmlTokenizer } from '../../../../src/core/formats/xml/xml-tokenizer';
import { cityGmlFailure } from '../../../../workers/lib/citygml/citygml-error';

export type XmlEvent =
  | { kind: 'open'; name: string; attributes: XmlAttributes; line: number; column: number }
  | { kind: 'close'; name: string; line: number; column: number }
  | { kind: 'text'; text: string };

/** Adjacent text pieces (and CDATA) become one text event, as a reader sees them. */
function pushText(events: XmlEvent[], text: string): void {
  const last = events[events.length - 1];
  if (last?.kind === 'text') last.text += text;
  else events.push({ kind: 'text', text });
}

/** Tokenizes `text` fed in the given pieces (cut positions), with text always wanted. */
export function tokenize(text: string, cuts: number[] = []): XmlEvent[] {
  const events: XmlEvent[] = [];
  const tokenizer = new XmlTokenizer({
    wantText: true,
    openTag: (name, attributes, line, column) => events.push({ kind: 'open', name, attributes: { ...attributes }, line, column }),
    closeTag: (name, line, column) => events.push({ kind: 'close', name, line, column }),
    text: (t) => pushText(events, t),
  }, { fail: cityGmlFailure });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.write(text.slice(from, cut));
    from = cut;
  }
  tokenizer.write(text.slice(from));
  tokenizer.close();
  return events.filter((e) => e.kind !== 'text' || e.text.length > 0);
}

/** The same events from saxes (positions: "<" of a start tag, ">" of an end tag). */
export function saxesEvents(text: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let line = 0;
  let column = 0;
  parser.on('opentagstart', (tag) => {
    line = parser.line;
    column = parser.column - tag.name.length - 1;
  });
  parser.on('opentag', (tag) => {
    depth++;
    events.push({ kind: 'open', name: tag.name, attributes: { ...(tag.attributes as XmlAttributes) }, line, column });
  });
  parser.on('closetag', (tag) => {
    depth--;
    events.push({ kind: 'close', name: tag.name, line: parser.line, column: parser.column });
  });
  parser.on('text', (t) => {
    if (depth > 0) pushText(events, t);
  });
  parser.on('cdata', (t) => pushText(events, t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text);
  parser.close();
  return events.filter((e) => e.kind !== 'text' || e.text.length > 0);
}
