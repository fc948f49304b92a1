// Lint rule: a user-visible string in the host or the webview must come from an l10n call
// (vscode.l10n.t in the host, l10n.t in the webview), never be a literal, so a translation covers it.
// It looks where text reaches the user: message and quick-pick calls, UI properties, DOM text and labels.

const HOST_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
const HOST_CONSTRUCTORS = new Set(['MarkdownString', 'CodeAction', 'TreeItem', 'CodeLens']);
const UI_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'validationMessage', 'message', 'text', 'name', 'openLabel', 'saveLabel']);
const DOM_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);
const DOM_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']);
const DOM_TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'createTextNode', 'showNotice']);

const hasWords = (text) => /[A-Za-z]{2,}/.test(text);

/** The literals in an expression whose text would reach the user as is (those an l10n call would replace). */
function rawLeaves(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && hasWords(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return hasWords(node.quasis.map((q) => q.value.cooked ?? '').join(' ')) ? [node] : node.expressions.flatMap(rawLeaves);
    case 'BinaryExpression':
      return node.operator === '+' ? [...rawLeaves(node.left), ...rawLeaves(node.right)] : [];
    case 'ConditionalExpression':
      return [...rawLeaves(node.consequent), ...rawLeaves(node.alternate)];
    case 'LogicalExpression':
      return [...rawLeaves(node.left), ...rawLeaves(node.right)];
    case 'ArrayExpression':
      return node.elements.flatMap(rawLeaves);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return rawLeaves(node.expression);
    default:
      return [];
  }
}

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

export const noRawUiString = {
  meta: {
    type: 'problem',
    fixable: 'code',
    docs: { description: 'User-visible strings must go through l10n' },
    schema: [{ enum: ['host', 'webview'] }],
    messages: { raw: 'User-visible text "{{text}}" bypasses l10n: wrap it in {{call}}.' },
  },
  create(context) {
    const webview = context.options[0] === 'webview';
    const call = webview ? "l10n.t('…')" : "vscode.l10n.t('…')";
    const fn = webview ? 'l10n.t' : 'vscode.l10n.t';
    const source = context.sourceCode;
    /** The l10n call that replaces a literal: a template's expressions become {0}, {1}… arguments. */
    const replacement = (leaf) => {
      if (leaf.type === 'Literal') return `${fn}(${source.getText(leaf)})`;
      const message = leaf.quasis.map((q, i) => (i === 0 ? '' : `{${i - 1}}`) + (q.value.cooked ?? '')).join('');
      return `${fn}(${[quote(message), ...leaf.expressions.map((e) => source.getText(e))].join(', ')})`;
    };
    const check = (node) => {
      for (const leaf of rawLeaves(node)) {
        const text = leaf.type === 'Literal' ? leaf.value : leaf.quasis.map((q) => q.value.cooked ?? '').join('…');
        context.report({ node: leaf, messageId: 'raw', data: { text: text.length > 60 ? `${text.slice(0, 57)}…` : text, call }, fix: (fixer) => fixer.replaceText(leaf, replacement(leaf)) });
      }
    };
    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (!name) return;
        if (!webview && HOST_CALLS.has(name)) node.arguments.forEach(check);
        if (webview && name === 'el') check(node.arguments[2]);
        if (webview && DOM_TEXT_CALLS.has(name)) node.arguments.forEach(check);
        if (webview && name === 'setAttribute' && node.arguments[0]?.type === 'Literal' && DOM_ATTRIBUTES.has(node.arguments[0].value)) check(node.arguments[1]);
      },
      NewExpression(node) {
        const name = calleeName(node.callee);
        if (!webview && name && HOST_CONSTRUCTORS.has(name)) node.arguments.forEach(check);
      },
      Property(node) {
        if (webview || node.key.type !== 'Identifier' || !UI_PROPERTIES.has(node.key.name)) return;
        check(node.value);
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression' || node.left.property.type !== 'Identifier') return;
        const props = webview ? DOM_PROPERTIES : UI_PROPERTIES;
        if (props.has(node.left.property.name)) check(node.right);
      },
    };
  },
};

export default { rules: { 'no-raw-ui-string': noRawUiString } };
