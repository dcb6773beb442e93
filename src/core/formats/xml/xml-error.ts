/** Where in the text an element starts (1-based). */
export interface Place {
  line: number;
  column: number;
}

/** A read error that names the source and the place (1-based line and column). */
export class XmlReadError extends Error {
  override name = 'XmlReadError';
  constructor(
    message: string,
    readonly source: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Thrown by readers that work on the tree; {@link toReadError} turns it into a located {@link XmlReadError}. */
export class ElementError extends Error {
  override name = 'ElementError';
  constructor(
    message: string,
    readonly element: Place,
  ) {
    super(message);
  }
}
