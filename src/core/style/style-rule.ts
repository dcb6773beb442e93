/**
 * How to colour buildings: plain JSON, so a page can build it, store it or send it.
 * Colours are CSS hex strings.
 */
export type StyleRule = PlainRule | ClassesRule | RampRule | CategoriesRule | PresetRule;

/** Every building one colour; without `color` the tileset's own materials show. */
export interface PlainRule {
  kind: 'plain';
  color?: string;
}

/** Numeric classes: value < breaks[0] → colors[0], …, value ≥ breaks[n-1] → colors[n]. */
export interface ClassesRule {
  kind: 'classes';
  property: string;
  /** Ascending. */
  breaks: number[];
  /** breaks.length + 1 colours. */
  colors: string[];
  /** Legend title; defaults to the property's label. */
  title?: string;
  noDataColor?: string;
}

/** A continuous ramp between colour stops, clamped at both ends. */
export interface RampRule {
  kind: 'ramp';
  property: string;
  /** Ascending values with their colours, at least two. */
  stops: Array<[value: number, color: string]>;
  title?: string;
  noDataColor?: string;
}

/** One colour per value; values without a colour get one from a palette by a hash of the value. */
export interface CategoriesRule {
  kind: 'categories';
  property: string;
  colors?: Record<string, string>;
  /** Colour values by their AdV function group (first digit of the code) instead of the value itself. */
  groupBy?: 'function-group';
  title?: string;
  noDataColor?: string;
}

export type PresetName = 'height-classes' | 'function' | 'roof-type' | 'year';

export interface PresetRule {
  kind: 'preset';
  name: PresetName;
}

export const presetNames: readonly PresetName[] = ['height-classes', 'function', 'roof-type', 'year'];

export const defaultNoDataColor = '#bdbdbd';
