import { css } from 'lit';

/** <twinby-sun> covers its viewer but lets events through except on its panel (top left; the right side holds the spatial panel and plan legends). */
export const sunStyles = css`
  :host {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font: inherit;
    color: var(--twinby-fg, #1d2733);
  }
  .panel {
    position: absolute;
    left: 10px;
    /* top and max-height come from the viewer's panel layout (below a scenario's panel) */
    top: 10px;
    width: min(440px, calc(50% - 20px));
    max-height: calc(50% - 20px);
    overflow: auto;
    pointer-events: auto;
    background: var(--twinby-panel, rgba(255, 255, 255, 0.96));
    border-radius: var(--twinby-radius, 6px);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
  }
  .panel.collapsed {
    width: auto;
  }
  button,
  input {
    font: inherit;
  }
  button {
    border: 1px solid rgba(0, 0, 0, 0.2);
    border-radius: 4px;
    background: #fff;
    padding: 2px 8px;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: #e3f2fd;
    border-color: #1565c0;
  }
  button:focus-visible,
  input:focus-visible,
  tr:focus-visible {
    outline: 3px solid var(--twinby-accent, #1565c0);
    outline-offset: 1px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    margin: 4px 0;
  }
  label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  input[type='range'] {
    flex: 1;
    min-width: 140px;
  }
  .status {
    margin: 4px 0;
    font-size: 0.9em;
  }
  .error {
    color: var(--twinby-error, #b00020);
  }
  progress {
    width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.85em;
  }
  th button {
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    text-align: left;
  }
  td,
  th {
    padding: 2px 4px;
    border-bottom: 1px solid rgba(0, 0, 0, 0.08);
    text-align: left;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: rgba(21, 101, 192, 0.08);
  }
  .legend {
    list-style: none;
    margin: 4px 0;
    padding: 0;
    font-size: 0.85em;
  }
  .legend li {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .swatch {
    width: 14px;
    height: 14px;
    border-radius: 2px;
    border: 1px solid rgba(0, 0, 0, 0.25);
  }
`;
