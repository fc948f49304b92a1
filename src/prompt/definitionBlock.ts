// One definition in the user turn: fenced, headed by its workspace-relative path and line range, so the model
// (and the user reading the log) knows exactly where it comes from.
import type { ContextDefinition } from '../context/definitions/ContextDefinition';
import { fenced } from './fenceFor';

/** How much of a definition a prompt carries. */
export type DefinitionForm = 'whole' | 'signature' | 'omit';

export function definitionBlock(def: ContextDefinition, form: Exclude<DefinitionForm, 'omit'>): string {
  const lines = def.startLine === def.endLine ? `line ${def.startLine + 1}` : `lines ${def.startLine + 1}–${def.endLine + 1}`;
  const shortened = form === 'signature' && def.signature !== def.text ? ', signature only' : '';
  return `Definition of \`${def.name}\` from \`${def.relativePath}\` (${lines}${shortened}):\n${fenced(form === 'whole' ? def.text : def.signature, def.languageId)}`;
}
