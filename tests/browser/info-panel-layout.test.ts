/**
 * The info panel's rows: a long attribute name (a CityGML generic attribute such as the demo's) wraps inside
 * its column and never runs over its value.
 */
import { render } from 'lit';
import { expect, it } from 'vitest';
import { renderInfoPanel } from '../../src/element/info-panel.js';
import { viewerStyles } from '../../src/element/viewer-styles.js';

it('wraps long attribute names inside their column', () => {
  const host = document.createElement('div');
  host.style.cssText = 'position:relative;width:390px;height:600px;';
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [viewerStyles.styleSheet!];
  const label = 'gen_Dachbegruenungsflaechenanteil_nach_Satzung_der_Gemeinde';
  render(
    renderInfoPanel({ title: 'Haus', heading: 'Gebäude', rows: [{ key: 'gen_x', label, value: '42 %', generic: true }] }, 'de', () => {}),
    root,
  );
  const dt = root.querySelector('dt')!;
  const dd = root.querySelector('dd')!;
  expect(dt.textContent).toBe(label);
  // the name breaks into lines: its box ends before the value's starts, and nothing overflows it
  expect(dt.getBoundingClientRect().right).toBeLessThanOrEqual(dd.getBoundingClientRect().left + 0.5);
  expect(dt.scrollWidth).toBeLessThanOrEqual(dt.clientWidth + 1);
  host.remove();
});
