// Turns the declarations a language server pointed at into the definitions a prompt carries: cut text,
// members of one class merged under its header, duplicates and the focus code itself left out, ranked.
import type { ContextDefinition, DefinitionOrigin, DefinitionRank } from './ContextDefinition';
import { signatureOf, type DeclarationCut } from './cutDeclaration';

export interface DefinitionHit {
  readonly name: string;
  readonly rank: DefinitionRank;
  readonly relativePath: string;
  readonly languageId: string;
  /** The target file's lines. */
  readonly lines: readonly string[];
  readonly cut: DeclarationCut;
  readonly signatureOnly: boolean;
  /** Where the definition's name is, for asking its hover when the signature cannot be cut from the text. */
  readonly at?: DefinitionOrigin;
}

export interface FocusRange {
  readonly relativePath: string;
  readonly startLine: number;
  readonly endLine: number;
}

/** A declaration longer than this is never sent whole: its signature says what the focus needs to know. */
export const MAX_WHOLE_LINES = 150;

const overlaps = (a: { startLine: number; endLine: number }, b: { startLine: number; endLine: number }): boolean => a.startLine <= b.endLine && b.startLine <= a.endLine;
const contains = (a: { startLine: number; endLine: number }, b: { startLine: number; endLine: number }): boolean => a.startLine <= b.startLine && b.endLine <= a.endLine;

export function assembleDefinitions(hits: readonly DefinitionHit[], focus: FocusRange): ContextDefinition[] {
  const groups = new Map<string, { hit: DefinitionHit; rank: DefinitionRank; members: DeclarationCut[]; order: number }>();
  hits.forEach((hit, order) => {
    const span = hit.cut.container ?? hit.cut;
    // The focus code is already in the prompt; another member of the class it sits in is not.
    if (hit.relativePath === focus.relativePath && overlaps(hit.cut, focus)) return;
    const key = `${hit.relativePath}|${span.startLine}|${hit.cut.container ? 'members' : span.endLine}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { hit, rank: hit.rank, members: [hit.cut], order });
    else {
      group.rank = Math.min(group.rank, hit.rank) as DefinitionRank;
      if (!group.members.some((m) => m.startLine === hit.cut.startLine)) group.members.push(hit.cut);
    }
  });
  const items = [...groups.values()].map((g) => ({ def: toDefinition(g.hit, g.members, g.rank), order: g.order }));
  // A declaration inside another one already taken (a method of a class sent whole) adds nothing.
  const kept = items.filter((a) => !items.some((b) => b !== a && b.def.relativePath === a.def.relativePath && contains(b.def, a.def) && !(contains(a.def, b.def) && b.order > a.order)));
  return kept.sort((a, b) => a.def.rank - b.def.rank || a.order - b.order).map((k) => k.def);
}

function toDefinition(hit: DefinitionHit, members: readonly DeclarationCut[], rank: DefinitionRank): ContextDefinition {
  const { lines } = hit;
  const container = hit.cut.container;
  let text: string;
  let startLine: number;
  let endLine: number;
  if (container) {
    const body: string[] = [headerOf(lines, container.startLine)];
    let last = container.startLine;
    for (const m of [...members].sort((a, b) => a.startLine - b.startLine)) {
      if (m.startLine > last + 1) body.push(`${indentOf(lines[m.startLine] ?? '')}…`);
      body.push(...lines.slice(Math.max(m.startLine, last + 1), m.endLine + 1));
      last = Math.max(last, m.endLine);
    }
    if (container.endLine > last + 1) body.push(`${indentOf(lines[last] ?? '')}…`);
    if (container.endLine > last) body.push(lines[container.endLine] ?? '');
    text = body.join('\n');
    ({ startLine, endLine } = container);
  } else {
    ({ startLine, endLine } = hit.cut);
    text = lines.slice(startLine, endLine + 1).join('\n');
  }
  const signature = signatureOf(text);
  const tooLong = endLine - startLine + 1 > MAX_WHOLE_LINES && !container;
  return { name: hit.name, relativePath: hit.relativePath, languageId: hit.languageId, startLine, endLine, text, signature, rank, signatureOnly: hit.signatureOnly || tooLong, ...(hit.at && !container && { origin: hit.at }) };
}

function headerOf(lines: readonly string[], start: number): string {
  return lines[start] ?? '';
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? '';
}
