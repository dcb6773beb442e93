/**
 * Undo and redo for the scenario editor. Scenarios are replaced, never mutated, so a command is the
 * pair (before, after) and the stack holds states; every edit is a pure function in scenario-edits.ts.
 */
export interface HistoryEntry<T> {
  label: string;
  state: T;
}

export class EditHistory<T> {
  private past: HistoryEntry<T>[] = [];
  private future: HistoryEntry<T>[] = [];

  constructor(
    private present: HistoryEntry<T>,
    /** Oldest entries go first past this many. */
    private readonly limit = 200,
  ) {}

  get current(): T {
    return this.present.state;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Label of the edit undo() would revert, e.g. "Block verschieben". */
  get undoLabel(): string | null {
    return this.past.length ? this.present.label : null;
  }

  get redoLabel(): string | null {
    return this.future[this.future.length - 1]?.label ?? null;
  }

  /** Applies an edit; a new edit clears what could be redone. Returns the new state. */
  apply(label: string, edit: (state: T) => T): T {
    const next = edit(this.present.state);
    if (next === this.present.state) return next;
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.present = { label, state: next };
    return next;
  }

  undo(): T {
    const previous = this.past.pop();
    if (!previous) return this.present.state;
    this.future.push(this.present);
    this.present = previous;
    return previous.state;
  }

  redo(): T {
    const next = this.future.pop();
    if (!next) return this.present.state;
    this.past.push(this.present);
    this.present = next;
    return next.state;
  }

  /** Starts over from a state (a loaded file): nothing to undo. */
  reset(state: T, label = ''): void {
    this.past = [];
    this.future = [];
    this.present = { label, state };
  }
}
