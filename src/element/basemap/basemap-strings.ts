import type { Lang } from '../../core/index.js';

/** The base map switcher's words (kept here so the element's chunk carries them). */
const de = {
  label: 'Grundkarte',
  none: 'Keine',
  failed: 'Grundkarte „{title}“ konnte nicht geladen werden: {message}',
};
const en: typeof de = {
  label: 'Base map',
  none: 'None',
  failed: 'Base map "{title}" could not be loaded: {message}',
};

export function basemapText(lang: Lang, key: keyof typeof de, params: Record<string, string> = {}): string {
  return (lang === 'en' ? en : de)[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
