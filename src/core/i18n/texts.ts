import type { Lang } from './lang.js';

/** Fills {placeholders} as plain text; an unknown one stays visible, so a missing value shows in review. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A lazily loaded element's own words, German first, English typed to the same keys: the one mechanism
 * every panel uses (the viewer's own words are in strings.ts), so each chunk carries only its words.
 */
export function defineTexts<K extends string>(tables: { de: Record<K, string>; en: Record<K, string> }): (lang: Lang, key: K, params?: Record<string, string | number>) => string {
  return (lang, key, params) => fillTemplate(tables[lang][key] ?? tables.de[key], params);
}
