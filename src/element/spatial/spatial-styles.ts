import { css } from 'lit';

/** <twinby-spatial> covers its viewer but lets events through except on its panel and, while drawing, its capture layer. */
export const spatialStyles = css`
  :host {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font: inherit;
    color: var(--twinby-fg, #1d2733);
  }
  .capture {
    position: absolute;
    inset: 0;
    pointer-events: auto;
    cursor: crosshair;
  }
  .panel {
    position: absolute;
    top: 10px;
    right: 56px;
    /* the left half belongs to the scenario and sun panels; top and max-height come from the panel layout */
    width: min(420px, calc(50% - 66px));
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
  h2,
  h3 {
    font-size: 1em;
    margin: 6px 0 4px;
  }
  button,
  select,
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
  select:focus-visible,
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
  input[type='number'] {
    width: 5em;
  }
  .status {
    margin: 4px 0;
    font-size: 0.9em;
  }
  .error {
    color: var(--twinby-error, #b00020);
  }
  .stats {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2px 10px;
    margin: 4px 0;
  }
  .stats dt {
    font-size: 0.8em;
    opacity: 0.75;
  }
  .stats dd {
    margin: 0;
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
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover,
  tr.selected {
    background: #e3f2fd;
  }
  tr.violation td:first-child,
  li.violation {
    color: var(--twinby-error, #b00020);
  }
  .findings {
    padding-left: 1em;
  }
  .findings button {
    margin-right: 4px;
  }
  .pager {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: flex-end;
    margin-top: 4px;
  }
  .note {
    font-size: 0.85em;
    opacity: 0.8;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
