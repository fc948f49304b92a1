// Token counting with Phi-4's tokenizer (cl100k_base BPE), treating special-token strings as plain text.
import type * as Cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import { neutralizeSpecialTokens } from '../chatml/specialTokens';

// Neutralized text never contains real control tokens, and user code may contain the
// strings; the tokenizer throws on them unless told they are ordinary text.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** `<|im_start|>`, role, `<|im_sep|>`, `\n` … `<|im_end|>`, `\n`: six tokens around each message's content. */
export const MESSAGE_OVERHEAD_TOKENS = 6;
/** `<|im_start|>assistant<|im_sep|>\n` that opens the answer. */
export const GENERATION_PROMPT_TOKENS = 4;

let encoding: typeof Cl100k | undefined;

/** The BPE tables are large; loading them on first use keeps extension activation fast. */
function cl100k(): typeof Cl100k {
  if (!encoding) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, bundled by esbuild
    encoding = require('gpt-tokenizer/encoding/cl100k_base') as typeof Cl100k;
    // The default 100,000-entry merge cache grows by megabytes over a long session; this bound keeps most of the speed.
    encoding.setMergeCacheSize(20_000);
  }
  return encoding;
}

/** Counts without the line cache: the tokenizer's own answer, used as the oracle in tests. */
export function countTokensUncached(text: string): number {
  if (text.length === 0) return 0;
  return cl100k().countTokens(text, PLAIN_TEXT);
}

// The same lines are counted again and again: budgeting tries them one by one and then verifies the
// whole message, and every chat turn re-sends the conversation. cl100k's pre-tokenizer never joins a
// newline with the line after it when that line has visible text, so a text's count is the sum of the
// counts of its lines split there — exact, and each line is tokenized once. Two generations bound the
// cache by characters at O(1) per line: when the young one is full it becomes the old one.
const GENERATION_CHARS = 500_000;
const MAX_CACHED_SEGMENT = 2_000;
let young = new Map<string, number>();
let old = new Map<string, number>();
let youngChars = 0;

function remember(segment: string, n: number): void {
  if (segment.length > MAX_CACHED_SEGMENT) return;
  if (youngChars + segment.length > GENERATION_CHARS) {
    old = young;
    young = new Map();
    youngChars = 0;
  }
  // A slice would keep its whole parent text (a file, a prompt) alive as long as it is cached.
  young.set(detached(segment), n);
  youngChars += segment.length;
}

function countSegment(segment: string): number {
  const known = young.get(segment);
  if (known !== undefined) return known;
  const elder = old.get(segment);
  const n = elder ?? countTokensUncached(segment);
  remember(segment, n);
  return n;
}

function detached(s: string): string {
  return s.length <= 12 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

const VISIBLE = /\S/;

/** True when the line starting at `from` has a non-whitespace character before its newline. */
function lineHasText(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c !== 32 && c !== 9 && c !== 13 && VISIBLE.test(text[i])) return true;
  }
  return false;
}

export function countTokens(text: string): number {
  let total = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl + 1 < text.length; nl = text.indexOf('\n', nl + 1)) {
    if (!lineHasText(text, nl + 1)) continue;
    total += countSegment(text.slice(start, nl + 1));
    start = nl + 1;
  }
  return total + (start < text.length ? countSegment(start === 0 ? text : text.slice(start)) : 0);
}

/**
 * Tokens one message costs in the rendered prompt, counting its content as it is sent (neutralized). The
 * newline after `<|im_sep|>` is counted together with the content: a content starting with whitespace and a
 * newline merges with it into one token, which counting them apart would miss.
 */
export function countMessageTokens(content: string): number {
  return countTokens(`\n${neutralizeSpecialTokens(content)}`) + MESSAGE_OVERHEAD_TOKENS - 1;
}
