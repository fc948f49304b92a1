// The markdown-it instance for model output, configured as untrusted input: no raw HTML, only
// http(s)/mailto links, images shown as links (never fetched), code highlighted by highlight.js.
import MarkdownIt from 'markdown-it';
import { highlightCode } from './highlightCode';

export const SAFE_LINK = /^(https?:|mailto:|#)/i;

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
    const token = tokens[idx];
    token.attrSet('class', 'md-link');
    token.attrSet('title', String(token.attrGet('href') ?? ''));
    return renderToken(tokens, idx, options);
  };
  // An image would be a network request chosen by the model: show its alt text as a link instead.
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token.content || 'image');
    if (!SAFE_LINK.test(src)) return `<span class="md-image">[${alt}]</span>`;
    return `<a class="md-link md-image" href="${md.utils.escapeHtml(src)}" title="${md.utils.escapeHtml(src)}">[image: ${alt}]</a>`;
  };
  return md;
}
