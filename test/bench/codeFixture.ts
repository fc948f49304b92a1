// Synthetic but realistic source text of a given token size, for budget and latency benchmarks.
import { countTokens } from '../../src/tokens/countTokens';

export function sourceOfTokens(tokens: number): string {
  const lines: string[] = [];
  let i = 0;
  let text = '';
  while (countTokens(text) < tokens) {
    for (let k = 0; k < 50; k++, i++) lines.push(`  const value${i} = compute(items[${i}], { retries: ${i % 5}, label: "item-${i}" }); // step ${i}`);
    text = lines.join('\n');
  }
  return text;
}

export function answerOfTokens(tokens: number): string {
  const parts: string[] = [];
  for (let block = 0; parts.join('').split(/\s+/).length < tokens; block++) {
    parts.push(`## Step ${block}\n\nThe function **normalizes** the input and then calls \`compute\` for each item, retrying on failure.\n\n`);
    parts.push(`- first point about step ${block}\n- second point with \`code\`\n  - nested detail\n\n`);
    if (block % 2 === 0 && block < 20) parts.push('```typescript\nexport function step' + block + '(items: Item[]): Result[] {\n  return items.map((item) => compute(item, { retries: 3 }));\n}\n```\n\n');
  }
  return parts.join('');
}

/** An answer that is one long code block (a whole module) between two short sentences. */
export function codeAnswerOfTokens(tokens: number): string {
  return `Here is the whole module:\n\n\`\`\`typescript\n${sourceOfTokens(tokens)}\n\`\`\`\n\nThat is all of it.\n`;
}
