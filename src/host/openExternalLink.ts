// Model output is untrusted: only http(s) links are opened, and only through VS Code (which asks the user).
import * as vscode from 'vscode';
import type { Logger } from '../log/Logger';

export async function openExternalLink(href: string, log: Logger): Promise<void> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return log.warn(`ignored a link that is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return log.warn(`ignored a ${url.protocol} link from the chat`);
  await vscode.env.openExternal(vscode.Uri.parse(url.toString()));
}
