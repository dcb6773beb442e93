import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/strings.js';
import type { ClassesRule, CategoriesRule, PresetName } from './style-rule.js';

/** Building heights in metres: one-storey sheds to towers. */
export const heightClasses: ClassesRule = {
  kind: 'classes',
  property: 'measuredHeight',
  breaks: [6, 10, 15, 20, 30],
  colors: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
};

/** Construction periods that matter for energy planning (pre-war, post-war, first and later insulation rules). */
export const yearClasses: ClassesRule = {
  kind: 'classes',
  property: 'yearOfConstruction',
  breaks: [1919, 1949, 1979, 1995, 2010],
  colors: ['#8c510a', '#d8b365', '#f6e8c3', '#c7eae5', '#5ab4ac', '#01665e'],
};

/** The AdV function groups: residential, business/trade, public, other. */
export const functionGroups: CategoriesRule = {
  kind: 'categories',
  property: 'function',
  groupBy: 'function-group',
  colors: { '1': '#e8875b', '2': '#5b8fd9', '3': '#a463c4', '9': '#9e9e9e' },
};

/** One colour per AdV roof type, flat roofs grey, pitched roofs in reds and browns. */
export const roofTypes: CategoriesRule = {
  kind: 'categories',
  property: 'roofType',
  colors: {
    '1000': '#9e9e9e',
    '2100': '#f4a582',
    '2200': '#fdae61',
    '3100': '#d6604d',
    '3200': '#b2182b',
    '3300': '#8e0152',
    '3400': '#762a83',
    '3500': '#4393c3',
    '3600': '#2166ac',
    '3700': '#35978f',
    '3800': '#7fbc41',
    '3900': '#4d9221',
    '4000': '#543005',
    '5000': '#e6c229',
    '9999': '#6b6b6b',
  },
};

export function presetRule(name: PresetName): ClassesRule | CategoriesRule {
  switch (name) {
    case 'height-classes':
      return heightClasses;
    case 'year':
      return yearClasses;
    case 'function':
      return functionGroups;
    case 'roof-type':
      return roofTypes;
  }
}

const presetKeys = {
  'height-classes': 'style.heightClasses',
  function: 'style.function',
  'roof-type': 'style.roofType',
  year: 'style.year',
} as const;

/** The switcher label of a preset. */
export function presetLabel(name: PresetName, lang: Lang): string {
  return t(lang, presetKeys[name]);
}
