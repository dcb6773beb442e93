import { functionGroup, functionGroupLabel, lookupCode, codeListOf } from '../codes/code-lists.js';
import type { FeatureAttributes } from '../features/feature-attributes.js';
import { formatNumber, unitOf } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { attributeLabel, t } from '../i18n/strings.js';
import { mixColour, parseColour, toHex, type Rgb } from './colour.js';
import { presetRule } from './presets.js';
import { defaultNoDataColor, type CategoriesRule, type ClassesRule, type RampRule, type StyleRule } from './style-rule.js';

export interface LegendEntry {
  /** #rrggbb */
  color: string;
  label: string;
}

/** A style ready to colour features; engines call colorOf once per feature when a tile loads or the style changes. */
export interface FeatureStyle {
  readonly rule: StyleRule;
  /** The feature's colour, or null to keep the tileset's own material colour. */
  colorOf(attributes: FeatureAttributes): Rgb | null;
  /** Legend title and entries in the given language. Category legends list the values seen so far. */
  title(lang: Lang): string;
  legend(lang: Lang): LegendEntry[];
}

/** Palette for categories without a given colour (colour-blind safe, from Okabe–Ito and Tol). */
const palette: Rgb[] = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#882255', '#44aa99', '#999933'].map(
  parseColour,
);

/** Checks a rule and returns its compiled form. Throws an Error that says what is wrong with the rule. */
export function compileStyle(rule: StyleRule): FeatureStyle {
  switch (rule?.kind) {
    case 'plain':
      return compilePlain(rule.color);
    case 'classes':
      return compileClasses(rule, rule);
    case 'ramp':
      return compileRamp(rule);
    case 'categories':
      return compileCategories(rule, rule);
    case 'preset': {
      const base = presetRule(rule.name);
      if (!base) throw new Error(`style preset "${String(rule.name)}" is unknown`);
      return base.kind === 'classes' ? compileClasses(base, rule) : compileCategories(base, rule);
    }
    default:
      throw new Error(`style rule kind "${String((rule as { kind?: unknown })?.kind)}" is unknown (plain, classes, ramp, categories, preset)`);
  }
}

function compilePlain(color: string | undefined): FeatureStyle {
  const rgb = color === undefined ? null : parseColour(color);
  return {
    rule: { kind: 'plain', color },
    colorOf: () => rgb,
    title: (lang) => t(lang, 'style.default'),
    legend: () => [],
  };
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function compileClasses(rule: ClassesRule, original: StyleRule): FeatureStyle {
  const { property, breaks } = rule;
  if (!property) throw new Error('classes style: "property" is missing');
  if (!Array.isArray(breaks) || breaks.length === 0 || breaks.some((b) => !Number.isFinite(b))) {
    throw new Error(`classes style on "${property}": "breaks" must be a non-empty list of numbers`);
  }
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i] <= breaks[i - 1]) throw new Error(`classes style on "${property}": breaks must ascend (${breaks[i - 1]} then ${breaks[i]})`);
  }
  if (!Array.isArray(rule.colors) || rule.colors.length !== breaks.length + 1) {
    throw new Error(`classes style on "${property}": ${breaks.length} breaks need ${breaks.length + 1} colors, got ${rule.colors?.length ?? 0}`);
  }
  const colors = rule.colors.map(parseColour);
  const noData = parseColour(rule.noDataColor ?? defaultNoDataColor);
  let sawNoData = false;
  const integers = /^(year|storeys)/.test(property);
  return {
    rule: original,
    colorOf(attributes) {
      const v = numeric(attributes[property]);
      if (v === null) {
        sawNoData = true;
        return noData;
      }
      let i = 0;
      while (i < breaks.length && v >= breaks[i]) i++;
      return colors[i];
    },
    title: (lang) => rule.title ?? attributeLabel(lang, property),
    legend(lang) {
      const unit = unitOf(property);
      const num = (n: number) => (integers ? String(n) : formatNumber(n, lang)) + (unit ? `\u00a0${unit}` : '');
      const entries = colors.map((c, i): LegendEntry => {
        let label: string;
        if (i === 0) label = integers ? `${lang === 'en' ? 'before' : 'vor'} ${breaks[0]}` : `< ${num(breaks[0])}`;
        else if (i === breaks.length) label = integers ? `${lang === 'en' ? 'from' : 'ab'} ${breaks[i - 1]}` : `≥ ${num(breaks[i - 1])}`;
        else label = integers ? `${breaks[i - 1]}–${breaks[i] - 1}` : `${formatNumber(breaks[i - 1], lang)}–${num(breaks[i])}`;
        return { color: toHex(c), label };
      });
      if (sawNoData) entries.push({ color: toHex(noData), label: t(lang, 'legend.noData') });
      return entries;
    },
  };
}

function compileRamp(rule: RampRule): FeatureStyle {
  const { property, stops } = rule;
  if (!property) throw new Error('ramp style: "property" is missing');
  if (!Array.isArray(stops) || stops.length < 2) throw new Error(`ramp style on "${property}": at least two stops are needed`);
  const values = stops.map((s) => s[0]);
  for (let i = 1; i < values.length; i++) {
    if (!(values[i] > values[i - 1])) throw new Error(`ramp style on "${property}": stop values must ascend (${values[i - 1]} then ${values[i]})`);
  }
  const colors = stops.map((s) => parseColour(s[1]));
  const noData = parseColour(rule.noDataColor ?? defaultNoDataColor);
  let sawNoData = false;
  return {
    rule,
    colorOf(attributes) {
      const v = numeric(attributes[property]);
      if (v === null) {
        sawNoData = true;
        return noData;
      }
      if (v <= values[0]) return colors[0];
      for (let i = 1; i < values.length; i++) {
        if (v <= values[i]) return mixColour(colors[i - 1], colors[i], (v - values[i - 1]) / (values[i] - values[i - 1]));
      }
      return colors[colors.length - 1];
    },
    title: (lang) => rule.title ?? attributeLabel(lang, property),
    legend(lang) {
      const unit = unitOf(property);
      const entries = stops.map(([v], i): LegendEntry => ({ color: toHex(colors[i]), label: formatNumber(v, lang) + (unit ? `\u00a0${unit}` : '') }));
      if (sawNoData) entries.push({ color: toHex(noData), label: t(lang, 'legend.noData') });
      return entries;
    },
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function compileCategories(rule: CategoriesRule, original: StyleRule): FeatureStyle {
  const { property } = rule;
  if (!property) throw new Error('categories style: "property" is missing');
  const given = new Map<string, Rgb>();
  for (const [value, colour] of Object.entries(rule.colors ?? {})) {
    try {
      given.set(value, parseColour(colour));
    } catch (error) {
      throw new Error(`categories style on "${property}", value "${value}": ${(error as Error).message}`);
    }
  }
  const noData = parseColour(rule.noDataColor ?? defaultNoDataColor);
  const seen = new Set<string>();
  let sawNoData = false;
  const keyOf = (value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (rule.groupBy === 'function-group') return functionGroup(value as string) ?? '9';
    return String(value);
  };
  const colourOfKey = (key: string): Rgb => given.get(key) ?? palette[hashString(key) % palette.length];
  const labelOf = (key: string, lang: Lang): string => {
    if (rule.groupBy === 'function-group') return functionGroupLabel(key, lang);
    const list = codeListOf(property);
    const word = list ? lookupCode(list, key, lang) : null;
    return word ?? key;
  };
  return {
    rule: original,
    colorOf(attributes) {
      const key = keyOf(attributes[property]);
      if (key === null) {
        sawNoData = true;
        return noData;
      }
      seen.add(key);
      return colourOfKey(key);
    },
    title: (lang) => rule.title ?? (rule.groupBy === 'function-group' ? t(lang, 'style.function') : attributeLabel(lang, property)),
    legend(lang) {
      // given colours in their order (only those present once data has been seen), then other seen values sorted
      const keys = [...given.keys()].filter((k) => seen.size === 0 || seen.has(k));
      const others = [...seen].filter((k) => !given.has(k)).sort((a, b) => a.localeCompare(b));
      const entries = [...keys, ...others].map((k): LegendEntry => ({ color: toHex(colourOfKey(k)), label: labelOf(k, lang) }));
      if (sawNoData) entries.push({ color: toHex(noData), label: t(lang, 'legend.noData') });
      return entries;
    },
  };
}
