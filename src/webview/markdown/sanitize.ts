// Second line of defence after markdown-it's html:false: DOMPurify turns rendered HTML into a fragment
// with no scripts, event handlers, forms, styles or non-http(s) links.
import DOMPurify from 'dompurify';
import { SAFE_LINK } from './safeLink';

export type Sanitizer = (html: string) => DocumentFragment;

export function createSanitizer(window: Window): Sanitizer {
  const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if ((data.attrName === 'href' || data.attrName === 'src') && !SAFE_LINK.test(data.attrValue.trim())) data.keepAttr = false;
  });
  const config = {
    RETURN_DOM_FRAGMENT: true as const,
    ALLOWED_TAGS: ['a', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol', 'p', 'pre', 'span', 'strong', 's', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'],
    ALLOWED_ATTR: ['href', 'title', 'class', 'start'],
    ALLOWED_URI_REGEXP: SAFE_LINK,
    // DOMPurify checks every attribute not known to be URI-safe against ALLOWED_URI_REGEXP, which would drop
    // a list's start number ("2") and renumber a list the model began at 2 from 1.
    ADD_URI_SAFE_ATTR: ['start'],
    FORBID_ATTR: ['src', 'srcset', 'action', 'formaction', 'xlink:href'],
    // The view's click handler turns data-action, data-code-action and data-conversation into pull, insert and
    // delete requests; model output must never carry them. Our own toolbars are added after sanitizing.
    ALLOW_DATA_ATTR: false,
  };
  // DOMPurify returns null for a document whose body cannot exist (a <frameset>); a render must not throw on it.
  return (html: string) => (purify.sanitize(html, config) as DocumentFragment | null) ?? window.document.createDocumentFragment();
}
