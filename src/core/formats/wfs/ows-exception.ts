/**
 * ows:ExceptionReport (OWS 1.1 in WFS 2.0.0 and 1.1.0) and the older ServiceExceptionReport
 * → one readable error.
 */
import type { XmlElement } from '../xml/xml-tree';

export interface OwsExceptionItem {
  code: string | null;
  locator: string | null;
  text: string;
}

export class OwsExceptionError extends Error {
  override name = 'OwsExceptionError';
  constructor(
    message: string,
    readonly exceptions: OwsExceptionItem[],
    readonly httpStatus: number | null = null,
  ) {
    super(message);
  }
}

export function isExceptionReport(root: XmlElement): boolean {
  return root.name === 'ExceptionReport' || root.name === 'ServiceExceptionReport';
}

/** The exceptions of a report, joined into one message: "WFS error InvalidParameterValue (typename): …". */
export function readExceptionReport(root: XmlElement, httpStatus: number | null = null): OwsExceptionError {
  const items: OwsExceptionItem[] = [];
  for (const ex of root.children) {
    if (ex.name !== 'Exception' && ex.name !== 'ServiceException') continue;
    const texts = ex.children.filter((c) => c.name === 'ExceptionText').map((c) => c.text.trim());
    items.push({
      code: ex.attrs.exceptionCode ?? ex.attrs.code ?? null,
      locator: ex.attrs.locator ?? null,
      text: (texts.length ? texts.join(' ') : ex.text.trim()).replace(/\s+/g, ' '),
    });
  }
  const message = items.length
    ? items.map((i) => `${i.code ?? 'error'}${i.locator ? ` (${i.locator})` : ''}: ${i.text}`).join('; ')
    : 'empty exception report';
  return new OwsExceptionError(`WFS error ${message}`, items, httpStatus);
}
