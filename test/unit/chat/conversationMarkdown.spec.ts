// What Export writes: the whole conversation as Markdown that renders as the chat showed it.
import * as assert from 'node:assert/strict';
import { closeOpenFence, conversationMarkdown } from '../../../src/chat/conversationMarkdown';
import type { TurnView } from '../../../src/protocol/messages';

const stats = { model: 'phi4:latest', promptTokens: 10, answerTokens: 5 };

describe('conversationMarkdown', () => {
  it('writes the title, date, model and every turn, code blocks intact', () => {
    const turns: TurnView[] = [
      { id: '1', role: 'user', text: 'Write clamp' },
      { id: '2', role: 'assistant', text: 'Here:\n\n```ts\nconst clamp = (v: number) => v;\n```\n', state: 'done', stats },
      { id: '3', role: 'user', text: 'Shorter?' },
      { id: '4', role: 'assistant', text: '', state: 'failed', error: { message: 'Cannot reach Ollama\nat 127.0.0.1:9.', actions: ['retry'] } },
    ];
    assert.equal(
      conversationMarkdown({ title: 'Write clamp', turns }, { date: '2025-06-01 10:00', model: 'phi4' }),
      [
        '# Write clamp',
        '',
        '- Date: 2025-06-01 10:00',
        '- Model: phi4:latest',
        '',
        '## You',
        '',
        'Write clamp',
        '',
        '## Phi-4',
        '',
        'Here:',
        '',
        '```ts',
        'const clamp = (v: number) => v;',
        '```',
        '',
        '',
        '## You',
        '',
        'Shorter?',
        '',
        '## Phi-4',
        '',
        '_(no answer)_',
        '',
        '_Failed: Cannot reach Ollama at 127.0.0.1:9._',
        '',
      ].join('\n'),
    );
  });

  it('shows the context and the message as sent in a fence longer than any backtick run inside it', () => {
    const sent = 'Selected code from `a.md`:\n````markdown\n```js\nx()\n```\n````\n\nExplain this.';
    const md = conversationMarkdown({ title: 'Explain a.md:1-3', turns: [{ id: '1', role: 'user', text: 'Explain a.md:1-3', sent, context: { label: 'a.md:1-3', languageId: 'markdown', lineCount: 3 } }] }, { date: 'd', model: 'phi4' });
    assert.ok(md.includes('Context: `a.md:1-3` (markdown, 3 lines)'));
    assert.ok(md.includes(`\`\`\`\`\`text\n${sent}\n\`\`\`\`\`\n`), md);
    assert.ok(md.includes('- Model: phi4\n'), 'the current model when no answer names one');
  });

  it("lists each question's context: what was sent, shortened or left out, and why", () => {
    const question: TurnView = {
      id: '1',
      role: 'user',
      text: 'Explain src/a.ts:3-9',
      contextUsed: [
        { kind: 'instructions', label: 'Rules and instructions (system message)', tokens: 180, status: 'sent' },
        { kind: 'selection', label: 'src/a.ts:3-9', path: 'src/a.ts', startLine: 2, endLine: 8, tokens: 1234, status: 'sent' },
        { kind: 'definition', label: 'src/`odd`.ts:1-40', path: 'src/`odd`.ts', startLine: 0, endLine: 39, tokens: 25, status: 'shortened', note: '`parse`, the whole declaration did not fit:\nsent as its signature' },
        { kind: 'surrounding', label: 'Code after it', tokens: 0, status: 'omitted', note: '12 line(s) left out: no room left in the context window' },
      ],
    };
    const md = conversationMarkdown({ title: 't', turns: [question, { id: '2', role: 'assistant', text: 'It parses.', state: 'done' }] }, { date: 'd', model: 'm' });
    assert.ok(
      md.includes(
        [
          '## You',
          '',
          'Explain src/a.ts:3-9',
          '',
          'Context used:',
          '- Rules and instructions (system message) · instructions · 180 tokens',
          '- `src/a.ts:3-9` · selection · 1,234 tokens',
          '- `` src/`odd`.ts:1-40 `` · definition · 25 tokens, shortened — `parse`, the whole declaration did not fit: sent as its signature',
          '- Code after it · surrounding code · left out — 12 line(s) left out: no room left in the context window',
          '',
          '## Phi-4',
        ].join('\n'),
      ),
      md,
    );
  });

  it('an answer stopped inside a code block gets the block closed, so the next turn is not swallowed', () => {
    const md = conversationMarkdown({ title: 't', turns: [{ id: '1', role: 'user', text: 'q' }, { id: '2', role: 'assistant', text: 'Code:\n````py\n```\nprint(1)', state: 'stopped' }, { id: '3', role: 'user', text: 'next' }] }, { date: 'd', model: 'm' });
    assert.ok(md.includes('Code:\n````py\n```\nprint(1)\n````\n\n_Stopped — partial answer._\n\n## You\n\nnext\n'), md);
  });

  it('closeOpenFence leaves balanced Markdown alone and closes with the opening fence', () => {
    assert.equal(closeOpenFence('a\n```\nx\n```\nb'), 'a\n```\nx\n```\nb');
    assert.equal(closeOpenFence('~~~~\nx\n~~~'), '~~~~\nx\n~~~\n~~~~');
    assert.equal(closeOpenFence('inline ``` not a fence'), 'inline ``` not a fence');
    assert.equal(closeOpenFence('```\ncode\n'), '```\ncode\n```');
  });
});
