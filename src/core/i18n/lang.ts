/** The languages TwinBy speaks. German is the default: the first users are Bavarian municipalities. */
export type Lang = 'de' | 'en';

export const defaultLang: Lang = 'de';

/** Reads a lang attribute ("en", "en-GB", "DE"); anything else falls back to German. */
export function parseLang(value: string | null | undefined): Lang {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'en' || v.startsWith('en-') ? 'en' : 'de';
}

/** BCP 47 locale for number formatting. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'de-DE';
}
