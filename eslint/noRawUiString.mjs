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

// The project's own helpers that put their text argument on screen (the index of that argument; -1: all of
// them), and properties that carry a message to one (`noCodeMessage`, `reason`, any `…Message`).
const OWN_MESSAGE_CALLS = new Map([['close', 1], ['notify', 0], ['notice', 0], ['showRequestError', 0], ['announce', 0], ['showNotice', -1], ['setBanner', -1]]);
const OWN_PROPERTIES = /^(reason|note|notes|tooltip|\w*Message|\w*Tooltip|\w*Label|\w*Title)$/;
// A constant table of UI text: *_LABELS, *_NAMES, *_MESSAGES… (its values are shown for a key).
const UI_TABLES = /_(LABELS|REASONS|MESSAGES|NAMES|TITLES|TEXTS|HINTS)$/;
// Anywhere in the host and the webview, a literal that reads as an English sentence reaches someone: unless it goes
// to the log or to the model (prompt constants and the request's system/question), it must be translated.
const SENTENCE = /^[A-Z][\w'’-]*(?:[ ,]+[^\s]+){2,}[^]*[.?!…:]$/;
// Functions named for the text they return, and arrays of shown parts (`parts.push('first token …')`).
const UI_TEXT_FUNCTIONS = /^(describe|format)[A-Z]|(Name|Note|Hint|Reason|Label|Title|Message|Text|Tooltip)$/;
const UI_ARRAYS = /^(notes|parts|\w*Notes|\w*Parts)$/;
const NOT_FOR_USERS = /^(log|logger|console|channel|output)$/i;
const PROMPT_NAMES = /PROMPT|QUESTION|SYSTEM|RULES|INSTRUCTIONS?$|^(system|question|prompt|guidance)$/;

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

/** Words, not counting product icons such as $(loading~spin), which are markup. */
const hasWords = (text) => /[A-Za-z]{2,}/.test(text.replace(/\$\([\w~-]+\)/g, ''));

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
    const reported = new Set();
    const check = (node) => {
      for (const leaf of rawLeaves(node)) {
        if (reported.has(leaf)) continue;
        reported.add(leaf);
        const text = leaf.type === 'Literal' ? leaf.value : leaf.quasis.map((q) => q.value.cooked ?? '').join('…');
        const fix = (fixer) => [fixer.replaceText(leaf, replacement(leaf)), ...(needsImport() ? [importFix(fixer)] : [])];
        context.report({ node: leaf, messageId: 'raw', data: { text: text.length > 60 ? `${text.slice(0, 57)}…` : text, call }, fix });
      }
    };
    if (pure) return pureVisitors(context, check);
    /** The webview configures its bundle after its modules load: l10n.t at module level would stay English. */
    const checkLoadTime = (node) => {
      const runsLater = (a) => /Function/.test(a.type) || (a.type === 'PropertyDefinition' && !a.static);
      if (webview && isL10nCall(node) && !source.getAncestors(node).some(runsLater)) context.report({ node, messageId: 'atLoad' });
    };
    const isFunction = (node) => node && /^(ArrowFunctionExpression|FunctionExpression)$/.test(node.type);
    /** A value, or what a function given in its place returns (a message built from its arguments). */
    const checkValue = (value) => (isFunction(value) ? returned(value).forEach(check) : check(value));
    const isL10nCall = (node) => node?.type === 'CallExpression' && calleeName(node.callee) === 't' && node.callee.type === 'MemberExpression' && /l10n$/.test(source.getText(node.callee.object));
    /** True where text goes to a log, the model or the code rather than to a person. */
    const notShown = (node) =>
      source.getAncestors(node).some((a) => {
        if (isL10nCall(a)) return true;
        if (a.type === 'CallExpression' && a.callee.type === 'MemberExpression') {
          const owner = a.callee.object.type === 'MemberExpression' ? a.callee.object.property : a.callee.object;
          if (owner?.type === 'Identifier' && NOT_FOR_USERS.test(owner.name)) return true;
        }
        if (a.type === 'VariableDeclarator' && a.id.type === 'Identifier' && PROMPT_NAMES.test(a.id.name)) return true;
        if (a.type === 'Property' && a.key.type === 'Identifier' && PROMPT_NAMES.test(a.key.name)) return true;
        if (/^(FunctionDeclaration)$/.test(a.type) && a.id && /Prompt|Question$/.test(a.id.name)) return true;
        return a.type === 'ImportDeclaration' || a.type === 'ExportNamedDeclaration' && a.source || /^TS/.test(a.type);
      });
    const sentence = (node) => {
      // A placeholder stands for a name, so `${path} was not sent.` reads as a sentence too.
      const text = node.type === 'Literal' ? node.value : node.quasis.map((q) => q.value.cooked ?? '').join('X');
      return typeof text === 'string' && SENTENCE.test(text.trim()) && !notShown(node);
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string' && !(node.parent.type === 'Property' && node.parent.key === node) && sentence(node)) check(node);
      },
      TemplateLiteral(node) {
        if (node.parent.type !== 'TaggedTemplateExpression' && sentence(node)) check(node);
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !UI_TABLES.test(node.id.name)) return;
        const init = node.init?.type === 'TSAsExpression' || node.init?.type === 'TSSatisfiesExpression' ? node.init.expression : node.init;
        if (init?.type === 'ObjectExpression') for (const prop of init.properties) if (prop.type === 'Property') checkValue(prop.value);
      },
      FunctionDeclaration(node) {
        if (node.id && UI_TEXT_FUNCTIONS.test(node.id.name)) returned(node).forEach(check);
      },
      CallExpression(node) {
        checkLoadTime(node);
        const name = calleeName(node.callee);
        if (!name) return;
        if (name === 'push' && node.callee.type === 'MemberExpression' && UI_ARRAYS.test(calleeName(node.callee.object) ?? '')) node.arguments.forEach(check);
        const own = OWN_MESSAGE_CALLS.get(name);
        if (own !== undefined && !(node.callee.type === 'MemberExpression' && NOT_FOR_USERS.test(calleeName(node.callee.object) ?? ''))) (own === -1 ? node.arguments : [node.arguments[own]]).forEach(checkValue);
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
        if (node.key.type !== 'Identifier') return;
        if (OWN_PROPERTIES.test(node.key.name) || (!webview && UI_PROPERTIES.has(node.key.name))) checkValue(node.value);
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
