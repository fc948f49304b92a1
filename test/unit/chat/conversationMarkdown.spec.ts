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
