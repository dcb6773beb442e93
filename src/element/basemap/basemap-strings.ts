import { defineTexts } from '../../core/i18n/texts.js';

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

export const basemapText = defineTexts({ de, en });
