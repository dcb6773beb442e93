import { css } from 'lit';

/** <twinby-spatial>'s panel (top right) and, while drawing, its capture layer; the surface comes from panelStyles. */
export const spatialStyles = css`
  .capture {
    position: absolute;
    inset: 0;
    pointer-events: auto;
    cursor: crosshair;
  }
  .panel {
    top: 10px;
    right: 56px;
    /* the left half belongs to the scenario and sun panels; top and max-height come from the panel layout */
    width: min(420px, calc(50% - 66px));
    max-height: calc(50% - 20px);
  }
  .panel.collapsed {
    width: auto;
  }
  h2,
  h3 {
    font-size: 1em;
    margin: 6px 0 4px;
  }
  input[type='number'] {
    width: 5em;
  }
  .status {
    margin: 4px 0;
    font-size: 0.9em;
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
