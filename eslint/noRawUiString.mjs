// Lint rule: a user-visible string must come from an l10n call, never be a literal, so a translation covers it:
// vscode.l10n.t in the host, l10n.t (./l10n) in the webview, l10n.t from @vscode/l10n in the layers that may not
// import vscode ('pure'). It looks where text reaches the user: message and quick-pick calls, UI properties,
// DOM text and labels; in the pure layers, error messages, notes, labels and reasons they hand up.

const HOST_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
const HOST_CONSTRUCTORS = new Set(['MarkdownString', 'CodeAction', 'TreeItem', 'CodeLens']);
const UI_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'validationMessage', 'message', 'text', 'name', 'openLabel', 'saveLabel']);
const DOM_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt']);
const DOM_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt']);
const DOM_TEXT_CALLS = new Set(['append', 'prepend', 'replaceChildren', 'createTextNode', 'showNotice']);

// The pure layers reach the user through values they hand up: an error's message (the first argument of any
// *Error constructor, or the one at the index given here), the notice callbacks here, properties holding a
// note, label or reason, arrays of notes, label maps (consts named *_LABELS, *_REASONS, *_MESSAGES or
// `messages`, whose values are shown for a key) and what functions named for their text return
// (describe…, …Note, …Hint, …Reason, …Label, …Title, …Message).
const PURE_MESSAGE_ARGS = new Map([['OllamaError', 1], ['streamError', 1], ['problem', 0]]);
const PURE_PROPERTIES = new Set(['note', 'label', 'reason', 'refused', 'description', 'title', 'hint', 'message']);
const PURE_ARRAYS = /^(notes|\w*Notes)$/;
const PURE_MAPS = /_(LABELS|REASONS|MESSAGES)$|^messages$/;
const PURE_TEXT_FUNCTIONS = /^describe[A-Z]|(Note|Hint|Reason|Label|Title|Message)$/;

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

/** A string literal for `text`, in double quotes when it holds an apostrophe (as English often does). */
const quote = (text) => {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  return `${q}${text.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`).replace(/\n/g, '\\n')}${q}`;
};

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** What a function hands back: its expression body, or the argument of each of its own return statements. */
function returned(fn) {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ReturnStatement') return void found.push(node.argument);
    if (node !== fn.body && /Function/.test(node.type)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(fn.body);
  return found;
}

/** The pure mode's visitors: where text leaves those layers towards the user. */
function pureVisitors(context, check) {
  const isFunction = (node) => node && /^(ArrowFunctionExpression|FunctionExpression)$/.test(node.type);
  /** A label map's values: a literal, or a function or getter returning the text (so it is translated when read). */
  const checkMapValue = (value) => (isFunction(value) ? returned(value).forEach(check) : check(value));
  /** The argument of a call or `new` that carries user text, if the callee is a known sink. */
  const messageArg = (node) => {
    const name = calleeName(node.callee) ?? '';
    const index = PURE_MESSAGE_ARGS.get(name) ?? (node.type === 'NewExpression' && /Error$/.test(name) ? 0 : undefined);
    return index === undefined ? undefined : node.arguments[index];
  };
  return {
    NewExpression(node) {
      check(messageArg(node));
    },
    FunctionDeclaration(node) {
      if (node.id && PURE_TEXT_FUNCTIONS.test(node.id.name)) returned(node).forEach(check);
    },
    'ClassDeclaration CallExpression[callee.type="Super"]'(node) {
      // An Error subclass's message is what a user reads when it is shown.
      const cls = context.sourceCode.getAncestors(node).findLast((a) => a.type === 'ClassDeclaration');
      if (cls?.superClass?.type === 'Identifier' && cls.superClass.name === 'Error') check(node.arguments[0]);
    },
    VariableDeclarator(node) {
      const init = node.init?.type === 'TSAsExpression' || node.init?.type === 'TSSatisfiesExpression' ? node.init.expression : node.init;
      if (node.id.type !== 'Identifier' || !PURE_MAPS.test(node.id.name) || init?.type !== 'ObjectExpression') return;
      for (const prop of init.properties) if (prop.type === 'Property') checkMapValue(prop.value);
    },
    CallExpression(node) {
      const callee = node.callee;
      check(messageArg(node));
      if (callee.type === 'MemberExpression' && calleeName(callee) === 'push' && PURE_ARRAYS.test(calleeName(callee.object) ?? '')) node.arguments.forEach(check);
      // l10n.t at module level runs before activation has configured the bundle.
      if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'l10n' && calleeName(callee) === 't') {
        const runsLater = (a) => /Function/.test(a.type) || (a.type === 'PropertyDefinition' && !a.static);
        if (!context.sourceCode.getAncestors(node).some(runsLater)) context.report({ node, messageId: 'atLoad' });
      }
    },
    Property(node) {
      if (node.key.type === 'Identifier' && PURE_PROPERTIES.has(node.key.name)) checkMapValue(node.value);
    },
  };
}

export const noRawUiString = {
  meta: {
    type: 'problem',
    fixable: 'code',
    docs: { description: 'User-visible strings must go through l10n' },
    schema: [{ enum: ['host', 'webview', 'pure'] }],
    messages: {
      raw: 'User-visible text "{{text}}" bypasses l10n: wrap it in {{call}}.',
      atLoad: 'l10n.t runs here when the module loads, before the host has configured the bundle, so it stays English: call it inside a function or a getter.',
    },
  },
  create(context) {
    const mode = context.options[0] ?? 'host';
    const webview = mode === 'webview';
    const pure = mode === 'pure';
    const fn = mode === 'host' ? 'vscode.l10n.t' : 'l10n.t';
    const call = `${fn}('…')`;
    const source = context.sourceCode;
    const program = source.ast;
    /** In a pure layer the fix also imports @vscode/l10n when the file does not yet. */
    const needsImport = () => pure && !program.body.some((s) => s.type === 'ImportDeclaration' && s.source.value === '@vscode/l10n');
    const importFix = (fixer) => fixer.insertTextBefore(program.body.find((s) => s.type === 'ImportDeclaration') ?? program.body[0], "import * as l10n from '@vscode/l10n';\n");
    /** The l10n call that replaces a literal: a template's expressions become {0}, {1}… arguments. */
    const replacement = (leaf) => {
      if (leaf.type === 'Literal') return `${fn}(${source.getText(leaf)})`;
      const message = leaf.quasis.map((q, i) => (i === 0 ? '' : `{${i - 1}}`) + (q.value.cooked ?? '')).join('');
      return `${fn}(${[quote(message), ...leaf.expressions.map((e) => source.getText(e))].join(', ')})`;
    };
    const check = (node) => {
      for (const leaf of rawLeaves(node)) {
        const text = leaf.type === 'Literal' ? leaf.value : leaf.quasis.map((q) => q.value.cooked ?? '').join('…');
        const fix = (fixer) => [fixer.replaceText(leaf, replacement(leaf)), ...(needsImport() ? [importFix(fixer)] : [])];
        context.report({ node: leaf, messageId: 'raw', data: { text: text.length > 60 ? `${text.slice(0, 57)}…` : text, call }, fix });
      }
    };
    if (pure) return pureVisitors(context, check);
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
