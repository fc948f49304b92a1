// One mention in the user turn, fenced under its path and lines like a definition, saying when it was shortened.
import type { Mention } from '../context/mentions/Mention';
import { fenced } from './fenceFor';

/** How much of a mention a prompt carries. */
export type MentionForm = 'whole' | 'reduced' | 'omit';

export function mentionBlock(mention: Mention, form: Exclude<MentionForm, 'omit'>): string {
  if (mention.kind === 'problems') return `Problems the editor reports in \`${mention.relativePath}\` (mentioned by the user):\n${mention.text}`;
  const lines = mention.startLine === mention.endLine ? `line ${mention.startLine + 1}` : `lines ${mention.startLine + 1}–${mention.endLine + 1}`;
  const what = mention.kind === 'file' ? 'File' : mention.kind === 'symbol' ? 'Symbol' : 'Selection';
  if (form === 'reduced' && mention.reduced) return `${what} \`${mention.relativePath}\` mentioned by the user (${mention.reduced.promptNote}):\n${fenced(mention.reduced.text, mention.languageId)}`;
  return `${what} \`${mention.relativePath}\` (${lines}) mentioned by the user:\n${fenced(mention.text, mention.languageId)}`;
}
