/** Attribute filters over a FootprintSet; an unknown value never passes a condition on it. */
import type { FootprintSet } from '../footprints/footprint-set';

export interface AttributeFilter {
  /** Height ≥ this (m). */
  heightMin?: number;
  /** Height ≤ this (m). */
  heightMax?: number;
  /** Storeys above ground ≥ this. */
  storeysMin?: number;
  /** Storeys above ground ≤ this. */
  storeysMax?: number;
  /** Function code (as written, e.g. "31001_1000") is one of these. */
  functions?: readonly string[];
  /** Year of construction < this. */
  yearBefore?: number;
  /** Year of construction ≥ this. */
  yearFrom?: number;
  status?: 'existing' | 'planned';
}

export type FootprintPredicate = (i: number) => boolean;

/** A predicate for the filter, or null when it has no conditions (everything passes). */
export function compileFilter(set: FootprintSet, filter: AttributeFilter | undefined): FootprintPredicate | null {
  if (!filter) return null;
  const tests: FootprintPredicate[] = [];
  const { heights, storeys } = set;
  const { heightMin, heightMax, storeysMin, storeysMax, yearBefore, yearFrom, status } = filter;
  if (heightMin !== undefined) tests.push((i) => heights[i] >= heightMin);
  if (heightMax !== undefined) tests.push((i) => heights[i] <= heightMax);
  if (storeysMin !== undefined) tests.push((i) => storeys[i] >= 0 && storeys[i] >= storeysMin);
  if (storeysMax !== undefined) tests.push((i) => storeys[i] >= 0 && storeys[i] <= storeysMax);
  if (filter.functions) {
    const wanted = new Set(filter.functions);
    const functions = set.functions;
    tests.push((i) => functions !== undefined && functions[i] !== '' && wanted.has(functions[i]));
  }
  if (yearBefore !== undefined || yearFrom !== undefined) {
    const years = set.yearsOfConstruction;
    const before = yearBefore ?? Infinity;
    const from = yearFrom ?? -Infinity;
    tests.push((i) => years !== undefined && years[i] >= 0 && years[i] < before && years[i] >= from);
  }
  if (status) {
    const planned = set.planned;
    const want = status === 'planned' ? 1 : 0;
    tests.push((i) => (planned ? planned[i] : 0) === want);
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0];
  return (i) => {
    for (const t of tests) if (!t(i)) return false;
    return true;
  };
}
