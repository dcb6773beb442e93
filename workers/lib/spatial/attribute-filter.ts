/** Attribute filters over a FootprintSet; an unknown value never passes a condition on it. */
import type { FootprintSet } from '../footprints/footprint-set';
import type { AttributeFilter } from '../../types/spatial';
export type { AttributeFilter } from '../../types/spatial';

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
