import type { Lang } from '../i18n/lang.js';
import { buildingFunctionCodes, buildingFunctionGroups } from './building-function.js';
import { roofTypeCodes } from './roof-type.js';

/** Properties whose values are AdV codes, and the list each one uses. */
export type CodeListName = 'buildingFunction' | 'roofType';

const propertyLists: Record<string, CodeListName> = {
  function: 'buildingFunction',
  usage: 'buildingFunction',
  roofType: 'roofType',
};

export function codeListOf(property: string): CodeListName | undefined {
  return propertyLists[property];
}

/**
 * The bare code of a value: "31001_1000" → "1000" for building functions (prefix = AdV object type),
 * "3100" → "3100" for roof types. Returns null when the value does not look like a code of that list.
 */
export function bareCode(list: CodeListName, value: string | number): string | null {
  const text = String(value).trim();
  if (list === 'buildingFunction') {
    const m = /^(?:31001_)?(\d{4})$/.exec(text);
    return m ? m[1] : null;
  }
  return /^\d{4}$/.test(text) ? text : null;
}

/** The word for a code, or null when the code is not in the list. */
export function lookupCode(list: CodeListName, value: string | number, lang: Lang): string | null {
  const code = bareCode(list, value);
  if (code === null) return null;
  const table = list === 'buildingFunction' ? buildingFunctionCodes : roofTypeCodes;
  const entry = table[code];
  return entry ? entry[lang === 'en' ? 1 : 0] : null;
}

/**
 * The display text of a property value: the code-list word when the property uses a code list and
 * the code is known (with the code in brackets), otherwise the value itself as text.
 */
export function describeCode(property: string, value: string | number, lang: Lang): string {
  const list = codeListOf(property);
  if (!list) return String(value);
  const word = lookupCode(list, value, lang);
  return word === null ? String(value) : `${word} (${value})`;
}

/** Top-level function group key ("1", "2", "3" or "9") of a function code, or null. */
export function functionGroup(value: string | number): string | null {
  const code = bareCode('buildingFunction', value);
  if (code === null) return null;
  const key = code[0];
  return key in buildingFunctionGroups ? key : '9';
}

export function functionGroupLabel(group: string, lang: Lang): string {
  const entry = buildingFunctionGroups[group] ?? buildingFunctionGroups['9'];
  return entry[lang === 'en' ? 1 : 0];
}
