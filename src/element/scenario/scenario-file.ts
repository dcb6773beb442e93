/** A scenario as a .json file, and saving a file through the browser's download. */
import type { Scenario } from '../../core/scenario/index.js';

export function scenarioFile(scenario: Scenario | null): File {
  const name = `${(scenario?.name ?? 'szenario').replace(/[^\p{L}\p{N}_-]+/gu, '-').toLowerCase()}.json`;
  return new File([JSON.stringify(scenario, null, 2)], name, { type: 'application/json' });
}

export function downloadFile(file: File): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file);
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** While active, a building the user selects in the viewer (twinby-select) is handed to onPick. */
export class BuildingPicker {
  private readonly listener = (e: Event) => {
    const d = (e as CustomEvent<{ id: string | null; kind: string | null }>).detail;
    if (d.id && d.kind === 'building') this.onPick(d.id);
  };

  constructor(
    private readonly target: HTMLElement,
    private readonly onPick: (id: string) => void,
  ) {
    target.addEventListener('twinby-select', this.listener);
  }

  stop(): void {
    this.target.removeEventListener('twinby-select', this.listener);
  }
}
