// Plain-value description of what the editor shows, so context logic never needs the VS Code API.
import type { ContextDefinition } from './definitions/ContextDefinition';
import type { DefinitionsLeftOut } from './definitions/DefinitionsLeftOut';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface DiagnosticInfo {
  readonly severity: Severity;
  readonly message: string;
  /** 0-based line. */
  readonly line: number;
  readonly source?: string;
}

/** A document and a selection, as offsets into `text`. */
export interface EditorSnapshot {
  readonly text: string;
  readonly languageId: string;
  /** Workspace-relative path (or the untitled name). */
  readonly relativePath: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly diagnostics: readonly DiagnosticInfo[];
}

/**
 * How the code in focus was chosen: the user's selection, or (when empty) what the cursor is in; an
 * insertion has no code of its own, only the place between `before` and `after` where new code goes.
 */
export type FocusKind = 'selection' | 'block' | 'line' | 'insertion';

export interface GatheredContext {
  readonly relativePath: string;
  readonly languageId: string;
  readonly focusKind: FocusKind;
  readonly selection: string;
  /** 0-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Lines above the selection, nearest last. */
  readonly before: readonly string[];
  /** Lines below the selection, nearest first. */
  readonly after: readonly string[];
  readonly diagnostics: readonly DiagnosticInfo[];
  /** Declarations the focus code uses, from the language server, most needed first. */
  readonly definitions?: readonly ContextDefinition[];
  /** Definitions found but not sent (outside the workspace, secret-looking, minified) and lookups cut by the timeout. */
  readonly definitionsLeftOut?: DefinitionsLeftOut;
}
