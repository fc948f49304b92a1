// Renders a conversation as the exact prompt text Phi-4 (or a standard ChatML model) was trained on.
import { IM_END, IM_SEP, IM_START, neutralizeModelOutput, neutralizeSpecialTokens } from './specialTokens';

export type Role = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  readonly role: Role;
  readonly content: string;
}

/** `phi4`: `<|im_start|>role<|im_sep|>\n`; `chatml`: standard `<|im_start|>role\n`. */
export type ChatMLDialect = 'phi4' | 'chatml';

function header(role: Role, dialect: ChatMLDialect): string {
  return dialect === 'phi4' ? `${IM_START}${role}${IM_SEP}\n` : `${IM_START}${role}\n`;
}

/** A message's text as sent: earlier answers exactly as the model wrote them, everything else neutralized. */
export function sentContent(message: ChatMessage): string {
  return message.role === 'assistant' ? neutralizeModelOutput(message.content) : neutralizeSpecialTokens(message.content);
}

export function renderMessage(message: ChatMessage, dialect: ChatMLDialect): string {
  return `${header(message.role, dialect)}${sentContent(message)}${IM_END}\n`;
}

/** The whole prompt, ending with the open assistant turn the model completes. */
export function renderChatML(messages: readonly ChatMessage[], dialect: ChatMLDialect = 'phi4'): string {
  let out = '';
  for (const message of messages) out += renderMessage(message, dialect);
  return out + header('assistant', dialect);
}
