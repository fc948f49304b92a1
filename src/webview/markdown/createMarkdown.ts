// The markdown-it instance for model output, configured as untrusted input: no raw HTML, only
// http(s)/mailto links, images shown as links (never fetched), code highlighted by highlight.js.
import * as l10n from '@vscode/l10n';
import MarkdownIt from 'markdown-it';
import { highlightCode } from './highlightCode';
import { SAFE_LINK } from './safeLink';

/** The configured renderer's type (markdown-it's CJS typings export only a constructor). */
export type Markdown = ReturnType<typeof MarkdownIt>;

export function createMarkdown(): Markdown {
  const md = new MarkdownIt({
    html: false,
    linkify: true,
    typographer: false,
    highlight: (code, lang) => highlightCode(code, lang),
  });
  // Reference definitions let a later block change an earlier one, which breaks incremental rendering.
  md.disable('reference');
  md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, idx, options) => {
    markLink(tokens[idx]);
    return renderToken(tokens, idx, options);
  };
  md.renderer.rules.image = (tokens, idx) => {
    const image = imageAsLink(tokens[idx]);
    const text = md.utils.escapeHtml(image.text);
    if (!image.href) return `<span class="${image.className}">${text}</span>`;
    const href = md.utils.escapeHtml(image.href);
    return `<a class="${image.className}" href="${href}" title="${href}">${text}</a>`;
  };
  return md;
}

/** Every link shows its target on hover (the model chose it); used by the final renderer and the streaming preview alike. */
export function markLink(token: { attrGet(name: string): unknown; attrSet(name: string, value: string): void }): void {
  token.attrSet('class', 'md-link');
  token.attrSet('title', String(token.attrGet('href') ?? ''));
}

/**
 * How an image is shown, by the final renderer and the streaming preview alike: an image would be a
 * network request chosen by the model, so its alt text becomes a link (to a safe target only) or plain text.
 */
export function imageAsLink(token: { attrGet(name: string): unknown; content: string }): { href: string | undefined; text: string; className: string } {
  const src = String(token.attrGet('src') ?? '');
  const alt = token.content || 'image';
  return SAFE_LINK.test(src) ? { href: src, text: l10n.t('[image: {0}]', alt), className: 'md-link md-image' } : { href: undefined, text: `[${alt}]`, className: 'md-image' };
}
