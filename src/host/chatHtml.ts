// The chat webview's HTML: strict CSP (nothing but our own nonce'd script and stylesheets), static skeleton.
import * as vscode from 'vscode';

/** Text for HTML: the skeleton's strings are translations, which must not be able to add markup. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


export function chatHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons.css')}">
<link rel="stylesheet" href="${asset('media', 'chat.css')}">
<title>${attr(vscode.l10n.t('Phi-4 Chat'))}</title>
</head>
<body data-l10n="${attr(JSON.stringify(vscode.l10n.bundle ?? {}))}">
<div id="app">
  <header class="toolbar">
    <h1 class="visually-hidden">${attr(vscode.l10n.t('Phi-4 Chat'))}</h1>
    <label class="visually-hidden" for="model">${attr(vscode.l10n.t('Model'))}</label>
    <select id="model" title="${attr(vscode.l10n.t('Model (phi4.model)'))}"></select>
    <span class="spacer"></span>
    <button id="toggle-history" type="button" class="icon-button" title="${attr(vscode.l10n.t('Conversations'))}" aria-label="${attr(vscode.l10n.t('Conversations'))}" aria-expanded="false" aria-controls="history"><i class="codicon codicon-history"></i></button>
    <button id="new-chat" type="button" class="icon-button" title="${attr(vscode.l10n.t('New chat'))}" aria-label="${attr(vscode.l10n.t('New chat'))}"><i class="codicon codicon-add"></i></button>
  </header>
  <section id="history" hidden aria-label="${attr(vscode.l10n.t('Conversations'))}">
    <ul id="history-list"></ul>
    <button id="clear-history" type="button" class="link-button">${attr(vscode.l10n.t('Clear all conversations'))}</button>
  </section>
  <div id="banner" hidden role="alert"></div>
  <main id="scroller"><section id="transcript" aria-label="${attr(vscode.l10n.t('Conversation'))}" aria-busy="false"></section></main>
  <div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
  <footer class="composer">
    <div id="queue" hidden></div>
    <div id="notice" hidden></div>
    <div id="chips" class="chips" hidden aria-label="${attr(vscode.l10n.t('Context to send with your message'))}"></div>
    <div id="editing" hidden><span>${attr(vscode.l10n.t('Editing your question: sending replaces it and the answer after it.'))}</span> <button id="cancel-edit" type="button" class="link-button">${attr(vscode.l10n.t('Cancel (Esc)'))}</button></div>
    <ul id="slash-list" hidden></ul>
    <ul id="mention-list" hidden></ul>
    <textarea id="prompt" rows="3" placeholder="${attr(vscode.l10n.t('Ask Phi-4… (Enter to send, Shift+Enter for a new line, / for commands, @ to add files or symbols, ↑ for the last prompt)'))}" aria-label="${attr(vscode.l10n.t('Message to Phi-4'))}"></textarea>
    <div class="composer-buttons">
      <button id="stop" type="button" class="secondary" hidden title="${attr(vscode.l10n.t('Stop generating (Esc)'))}"><i class="codicon codicon-debug-stop"></i> ${attr(vscode.l10n.t('Stop'))}</button>
      <button id="send" type="button" title="${attr(vscode.l10n.t('Send (Enter)'))}"><i class="codicon codicon-send"></i> ${attr(vscode.l10n.t('Send'))}</button>
    </div>
  </footer>
</div>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}

export function createNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}
