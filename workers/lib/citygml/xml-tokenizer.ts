/** The shared XML tokenizer (src/core/formats/xml), failing with {@link CityGMLError}s for the CityGML reader. */
import { XmlTokenizer as SharedTokenizer, type XmlHandler } from '../../../src/core/formats/xml/xml-tokenizer';
import { CityGMLError } from './citygml-error';

export type { XmlAttributes, XmlHandler } from '../../../src/core/formats/xml/xml-tokenizer';

export class XmlTokenizer extends SharedTokenizer {
  constructor(handler: XmlHandler, file?: string) {
    super(handler, { file, fail: (code, message, place) => new CityGMLError(code, message, place) });
  }
}
