import type { Lang } from './lang.js';

/** Every UI string, German first. Placeholders are {name}. */
const de = {
  'viewer.label': '3D-Stadtmodell',
  'viewer.loading': 'Lädt 3D-Modell …',
  'viewer.home': 'Startansicht',
  'viewer.north': 'Nach Norden ausrichten',
  'viewer.zoomIn': 'Hineinzoomen',
  'viewer.zoomOut': 'Herauszoomen',
  'viewer.keyboardHelp': 'Pfeiltasten: verschieben, Umschalt+Pfeile: drehen, +/−: zoomen, Bild auf/ab: neigen',
  'viewer.tilesetMissing': 'Das 3D-Modell konnte nicht geladen werden ({url}): {message}',
  'viewer.tileFailed': 'Ein Teil des 3D-Modells konnte nicht geladen werden.',
  'viewer.webglMissing': 'Dieser Browser kann keine 3D-Grafik (WebGL 2) darstellen.',
  'viewer.engineMissing': 'Die Darstellung „{engine}“ ist nicht verfügbar: {message}',
  'info.title': 'Gebäude',
  'info.overlayTitle': 'Planinhalt',
  'info.close': 'Schließen',
  'info.selected': 'Ausgewählt: {name}',
  'info.deselected': 'Auswahl aufgehoben',
  'info.noData': 'keine Angabe',
  'info.more': 'Weitere Attribute',
  'legend.title': 'Legende',
  'legend.noData': 'keine Angabe',
  'legend.other': 'Sonstige',
  'style.default': 'Einheitlich',
  'style.heightClasses': 'Höhenklassen',
  'style.function': 'Gebäudefunktion',
  'style.roofType': 'Dachform',
  'style.year': 'Baujahr',
  'attr.id': 'Kennung (gml:id)',
  'attr.name': 'Name',
  'attr.function': 'Gebäudefunktion',
  'attr.usage': 'Nutzung',
  'attr.roofType': 'Dachform',
  'attr.measuredHeight': 'Gebäudehöhe',
  'attr.storeysAboveGround': 'Geschosse über Grund',
  'attr.storeysBelowGround': 'Geschosse unter Grund',
  'attr.yearOfConstruction': 'Baujahr',
  'attr.yearOfDemolition': 'Abrissjahr',
  'attr.address': 'Adresse',
  'attr.class': 'Gebäudeklasse',
  'attr.storeyHeightsAboveGround': 'Geschosshöhen über Grund',
  'attr.lod': 'Detailstufe (LoD)',
};

export type StringKey = keyof typeof de;

const en: Record<StringKey, string> = {
  'viewer.label': '3D city model',
  'viewer.loading': 'Loading 3D model …',
  'viewer.home': 'Home view',
  'viewer.north': 'Face north',
  'viewer.zoomIn': 'Zoom in',
  'viewer.zoomOut': 'Zoom out',
  'viewer.keyboardHelp': 'Arrow keys: pan, Shift+arrows: rotate, +/−: zoom, Page Up/Down: tilt',
  'viewer.tilesetMissing': 'The 3D model could not be loaded ({url}): {message}',
  'viewer.tileFailed': 'Part of the 3D model could not be loaded.',
  'viewer.webglMissing': 'This browser cannot display 3D graphics (WebGL 2).',
  'viewer.engineMissing': 'The "{engine}" renderer is not available: {message}',
  'info.title': 'Building',
  'info.overlayTitle': 'Plan feature',
  'info.close': 'Close',
  'info.selected': 'Selected: {name}',
  'info.deselected': 'Selection cleared',
  'info.noData': 'not given',
  'info.more': 'More attributes',
  'legend.title': 'Legend',
  'legend.noData': 'not given',
  'legend.other': 'Other',
  'style.default': 'Plain',
  'style.heightClasses': 'Height classes',
  'style.function': 'Building function',
  'style.roofType': 'Roof type',
  'style.year': 'Year of construction',
  'attr.id': 'Identifier (gml:id)',
  'attr.name': 'Name',
  'attr.function': 'Building function',
  'attr.usage': 'Usage',
  'attr.roofType': 'Roof type',
  'attr.measuredHeight': 'Building height',
  'attr.storeysAboveGround': 'Storeys above ground',
  'attr.storeysBelowGround': 'Storeys below ground',
  'attr.yearOfConstruction': 'Year of construction',
  'attr.yearOfDemolition': 'Year of demolition',
  'attr.address': 'Address',
  'attr.class': 'Building class',
  'attr.storeyHeightsAboveGround': 'Storey heights above ground',
  'attr.lod': 'Level of detail (LoD)',
};

const tables: Record<Lang, Record<StringKey, string>> = { de, en };

/** The string for a key, with {placeholders} filled in as plain text. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  const template = tables[lang][key] ?? tables.de[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The label of a feature property: a known attribute's word, otherwise the property name itself. */
export function attributeLabel(lang: Lang, property: string): string {
  const key = `attr.${property}` as StringKey;
  return key in de ? t(lang, key) : property;
}

export const stringKeys = Object.keys(de) as StringKey[];
