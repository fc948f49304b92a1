// Plain-value types for definitions gathered from a language server, so ranking, cutting and packing stay pure.

/**
 * How directly the focus code depends on a definition; lower ranks are packed first.
 * 0 called or used directly · 1 the type of a parameter or variable · 2 a member reached through a receiver
 * · 3 one level further out (what a definition itself uses).
 */
export type DefinitionRank = 0 | 1 | 2 | 3;

export interface ContextDefinition {
  /** The identifier in the focus code that led here. */
  readonly name: string;
  /** Workspace-relative, with the folder's name in a multi-root workspace. */
  readonly relativePath: string;
  readonly languageId: string;
  /** 0-based, inclusive: the lines `text` spans in that file. */
  readonly startLine: number;
  readonly endLine: number;
  /** The whole declaration (for a class: its header and the members used). */
  readonly text: string;
  /** The declaration without its body, sent when the whole does not fit. */
  readonly signature: string;
  readonly rank: DefinitionRank;
  /** Library code (node_modules, .d.ts): only ever sent as its signature. */
  readonly signatureOnly: boolean;
  /** Where the language server put the definition's name (a URI string, 0-based): where to ask for its hover. */
  readonly origin?: DefinitionOrigin;
}

export interface DefinitionOrigin {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}
