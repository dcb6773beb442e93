/** A feature style that paints plan violators red and leaves every other building as it is. */
import { parseColour, type FeatureStyle } from '../../core/index.js';

export const VIOLATION_COLOUR = '#d62728';

export function violationStyle(ids: ReadonlySet<string>, label: string): FeatureStyle {
  const red = parseColour(VIOLATION_COLOUR);
  return {
    rule: { kind: 'plain' },
    colorOf: (attributes) => (ids.has(attributes.id) ? red : null),
    title: () => 'Planprüfung',
    legend: () => [{ color: VIOLATION_COLOUR, label }],
  };
}
