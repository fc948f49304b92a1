// The empty chat's welcome: what Phi-4 can do here, each with its default key, where prompts go, and a
// sample to try it on. The host says where prompts go and which keys package.json binds.
import type { PromptDestination, WelcomeInfo } from '../protocol/messages';
import type { WelcomeCommand } from '../protocol/welcomeKeys';
import * as l10n from '@vscode/l10n';
import { el } from './el';

/** Said truthfully: a shared server (or an Ollama elsewhere) receives the code, so "nothing leaves" would be false. */
function whereTo(destination: PromptDestination | undefined): string {
  if (!destination) return l10n.t('Select code in an editor, then:');
  const { provider, host, local } = destination;
  if (host === '') return l10n.t('Prompts and code will go to the server set in phi4.openaiCompatible.baseUrl, which is not set yet. Select code in an editor, then:');
  if (provider === 'ollama') {
    return local ? l10n.t('It runs on this machine; nothing leaves it. Select code in an editor, then:') : l10n.t('Prompts and code go to Ollama at {0}, not this machine. Select code in an editor, then:', host);
  }
  return local ? l10n.t('Prompts go to the server at {0} on this machine; nothing leaves it. Select code in an editor, then:', host) : l10n.t('Prompts and code go to the server at {0}, not this machine. Select code in an editor, then:', host);
}

export function welcomeElement(mac: boolean, info: WelcomeInfo | undefined): HTMLElement {
  const box = el('div', 'empty welcome');
  box.appendChild(el('h2', 'welcome-title', l10n.t('Ask Phi-4 about your code')));
  box.appendChild(el('p', 'welcome-where', whereTo(info?.destination)));
  const list = el('ul', 'welcome-list');
  const offers: readonly (readonly [string, WelcomeCommand])[] = [
    [l10n.t('Explain it'), 'explain'],
    [l10n.t('Fix it, previewed inline'), 'fix'],
    [l10n.t('Edit it with an instruction'), 'edit'],
    [l10n.t('Ask about it here'), 'ask'],
  ];
  for (const [what, command] of offers) {
    const item = el('li');
    item.append(what);
    const shown = info?.keys[command];
    if (shown) item.append(' — ', el('kbd', undefined, mac ? shown.mac : shown.key));
    list.appendChild(item);
  }
  const slash = el('li');
  slash.append(el('kbd', undefined, '/'), ' ', l10n.t('in the box below lists commands such as /tests and /doc'));
  list.appendChild(slash);
  box.appendChild(list);
  const sample = el('button', 'welcome-sample', l10n.t('Try it on a sample file'));
  sample.type = 'button';
  sample.dataset.welcomeAction = 'openSample';
  box.appendChild(sample);
  box.appendChild(el('p', 'welcome-note', l10n.t('Started with npm start? The files in its workspace’s src folder have small bugs to try.')));
  return box;
}
