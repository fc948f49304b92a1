// A document symbol as plain values (what vscode.executeDocumentSymbolProvider returns, minus the API types).

export type DeclarationKind = 'class' | 'interface' | 'enum' | 'function' | 'method' | 'constructor' | 'property' | 'field' | 'variable' | 'constant' | 'enumMember' | 'typeParameter' | 'module' | 'struct' | 'other';

export interface DeclarationSymbol {
  readonly name: string;
  readonly kind: DeclarationKind;
  /** 0-based, inclusive: the whole declaration. */
  readonly startLine: number;
  readonly endLine: number;
  readonly children: readonly DeclarationSymbol[];
}
