import { css } from 'lit';

/**
 * What every layer panel shares (sun, spatial, council): the host covers its viewer but lets pointer events
 * through except on its panel; one surface, one button and focus style, one row. Each panel's own sheet adds
 * its place and contents.
 */
export const panelStyles = css`
  :host {
    position: absolute;
    inset: 0;
    pointer-events: none;
    font: inherit;
    color: var(--twinby-fg, #1d2733);
  }
  .panel {
    position: absolute;
    overflow: auto;
    pointer-events: auto;
    background: var(--twinby-panel, rgba(255, 255, 255, 0.96));
    border-radius: var(--twinby-radius, 6px);
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    padding: 8px 10px;
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
  .error {
    color: var(--twinby-error, #b00020);
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
`;
