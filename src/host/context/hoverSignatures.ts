// Replaces the text-cut signature of library functions (and heads too long to cut) with the one the language
// server shows in its hover, within what is left of phi4.context.timeoutMs: `vscode.executeHoverProvider`
// knows overloads and `declare` forms that cutting text cannot tell apart.
import * as vscode from 'vscode';
import type { ContextDefinition } from '../../context/definitions/ContextDefinition';
import { signatureFromHover, wantsHoverSignature } from '../../context/definitions/hoverSignature';
import { LookupQueue } from '../../context/definitions/LookupQueue';
import { runLimited } from '../../context/definitions/runLimited';
import { MAX_LOOKUPS } from './gatherDefinitions';

function markdownOf(part: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof part === 'string') return part;
  return 'language' in part ? `\`\`\`${part.language}\n${part.value}\n\`\`\`` : part.value;
}

async function hoverSignature(def: ContextDefinition): Promise<string | undefined> {
  const origin = def.origin!;
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', vscode.Uri.parse(origin.uri), new vscode.Position(origin.line, origin.character))) ?? [];
  return signatureFromHover(hovers.flatMap((h) => h.contents.map(markdownOf)));
}

/** The definitions, with hover signatures where they help and arrived within `ms`; unchanged when none did. */
export async function withHoverSignatures(definitions: readonly ContextDefinition[], ms: number, signal?: AbortSignal): Promise<ContextDefinition[]> {
  const wanted = definitions.map((d, i) => ({ d, i })).filter(({ d }) => d.origin && wantsHoverSignature(d));
  if (wanted.length === 0 || ms <= 0) return [...definitions];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((r) => (timer = setTimeout(r, ms)));
  const out = [...definitions];
  // A hover that arrives after the deadline must not change definitions the request already sent.
  let over = false;
  const queue = new LookupQueue();
  for (const { d, i } of wanted) {
    queue.add({ key: `hover|${i}`, rank: d.rank, run: async () => {
      const signature = await hoverSignature(d);
      if (signature && !over) out[i] = { ...d, signature, signatureOnly: true };
    } });
  }
  await runLimited(queue, MAX_LOOKUPS, deadline, signal);
  over = true;
  clearTimeout(timer);
  return out;
}
