import type { Lang } from '../../core/index.js';

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
  },
};

export type CouncilText = keyof (typeof texts)['de'];

export function ct(lang: Lang, key: CouncilText, values: Record<string, string | number> = {}): string {
  return texts[lang === 'en' ? 'en' : 'de'][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
