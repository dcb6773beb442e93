import type { Lang } from '../../core/index.js';
import { defineTexts } from '../../core/i18n/texts.js';

const texts = {
  de: {
    title: 'Sitzung',
    copyLink: 'Link kopieren',
    copied: 'Link kopiert',
    linkInAddress: 'Link steht in der Adresszeile',
    save: 'Ansicht speichern',
    untitled: 'Ansicht {n}',
    caption: 'Bildunterschrift',
    up: 'Nach oben',
    down: 'Nach unten',
    remove: 'Entfernen',
    present: 'Präsentieren',
    saveFile: 'Präsentation speichern',
    png: 'PNG',
    previous: 'Zurück',
    next: 'Weiter',
    exit: 'Beenden',
    step: 'Ansicht {i} von {n}',
    sun: 'Sonne {date} {time}',
    linkBroken: 'Der Link ist beschädigt: {message}',
    prepare: 'Für die Sitzung vorbereiten',
    clear: 'Cache leeren',
    phase_list: 'Dateien werden gesucht …',
    phase_measure: '{total} Dateien, Größe wird ermittelt …',
    phase_download: 'Speichern: {files} von {total} Dateien, {bytes} von {totalBytes}',
    phase_tour: 'Die Tour wird abgeflogen und gespeichert …',
    prepared: 'Bereit für die Sitzung ohne Netz: {files} Dateien, {bytes}',
    preparedMissing: '{n} Dateien fehlen: {first}',
    cleared: 'Cache geleert',
    offlineUnsupported: 'Offline-Vorbereitung geht in diesem Browser nicht ({message}). Die Ansicht läuft weiter.',
    offlineInsecure: 'Offline-Vorbereitung braucht https (oder localhost): {message}',
    offlineScope: 'Der Service Worker kann diese Seite nicht steuern: {message}. Siehe sw-url und sw-scope in der Anleitung.',
    offlineQuota: 'Zu wenig Speicher: die Sitzung braucht {needed}, der Browser erlaubt {free}. Bitte Speicher freigeben oder dauerhaften Speicher erlauben.',
    offlineNetwork: 'Vorbereitung abgebrochen: {message}',
  },
  en: {
    title: 'Meeting',
    copyLink: 'Copy link',
    copied: 'Link copied',
    linkInAddress: 'The link is in the address bar',
    save: 'Save view',
    untitled: 'View {n}',
    caption: 'Caption',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    present: 'Present',
    saveFile: 'Save presentation',
    png: 'PNG',
    previous: 'Back',
    next: 'Next',
    exit: 'End',
    step: 'View {i} of {n}',
    sun: 'Sun {date} {time}',
    linkBroken: 'The link is damaged: {message}',
    prepare: 'Prepare for the meeting',
    clear: 'Clear cache',
    phase_list: 'Looking for files …',
    phase_measure: '{total} files, asking their size …',
    phase_download: 'Storing: {files} of {total} files, {bytes} of {totalBytes}',
    phase_tour: 'Flying the tour and storing it …',
    prepared: 'Ready for the meeting without network: {files} files, {bytes}',
    preparedMissing: '{n} files are missing: {first}',
    cleared: 'Cache cleared',
    offlineUnsupported: 'Offline preparation does not work in this browser ({message}). The view goes on.',
    offlineInsecure: 'Offline preparation needs https (or localhost): {message}',
    offlineScope: 'The Service Worker cannot control this page: {message}. See sw-url and sw-scope in the guide.',
    offlineQuota: 'Not enough storage: the meeting needs {needed}, the browser allows {free}. Please free space or allow persistent storage.',
    offlineNetwork: 'Preparation stopped: {message}',
  },
};

export type CouncilText = keyof (typeof texts)['de'];

export const ct = defineTexts(texts);

/** 1 234 567 → "1,2 MB" (de) or "1.2 MB" (en). */
export function formatBytes(lang: Lang, n: number): string {
  if (!Number.isFinite(n)) return lang === 'en' ? 'unlimited' : 'unbegrenzt';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toLocaleString(lang === 'en' ? 'en' : 'de', { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}
