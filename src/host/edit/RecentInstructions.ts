// The instructions given to Edit Selection, newest first, kept in global state so they are offered again
// in every window; bounded in number and length, since global state is loaded at every start.
import type * as vscode from 'vscode';

const KEY = 'phi4.recentInstructions';
export const MAX_RECENT_INSTRUCTIONS = 20;
/** Longer instructions are used but not kept: they are one-offs, and would bloat global state. */
const MAX_KEPT_LENGTH = 1000;

export class RecentInstructions {
  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string' && s.trim() !== '').slice(0, MAX_RECENT_INSTRUCTIONS) : [];
  }

  async remember(instruction: string): Promise<void> {
    if (instruction.length > MAX_KEPT_LENGTH) return;
    await this.state.update(KEY, [instruction, ...this.list().filter((i) => i !== instruction)].slice(0, MAX_RECENT_INSTRUCTIONS));
  }
}
