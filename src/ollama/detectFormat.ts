// Which prompt dialect `promptFormat: auto` uses for a model, from its Ollama template and its name.
import type { WireFormat } from './OllamaClient';

/**
 * A model named as Phi-4 (`phi4`, `phi4:14b-q8_0`, `vanilj/Phi-4`, `microsoft/phi-4`), but not `phi4-mini`:
 * that is a different model with the o200k tokenizer and a format of its own.
 */
export function namesPhi4(model: string): boolean {
  const base = model.toLowerCase().split(':')[0].split('/').pop() ?? '';
  return /^phi-?4(?:$|[-_.](?!mini))/.test(base);
}

/** True when a template only passes the prompt through, adding nothing of a chat format. */
function isBareTemplate(template: string): boolean {
  return !/<\||\[INST\]|<s>|<start_of_turn>/.test(template);
}

/** A template of the older one-prompt kind (`.Prompt`/`.Response`), not a list of messages. */
function isPromptTemplate(template: string): boolean {
  return template.includes('.Prompt') && !template.includes('.Messages');
}

export function detectFormat(model: string, template: string): WireFormat {
  if (template.includes('<|im_sep|>')) return 'phi4';
  // Community uploads of Phi-4 (vanilj/Phi-4) ship a bare {{ .Prompt }} template: Ollama's /api/chat would
  // then send only the last message, unformatted, so they get Phi-4's own ChatML, raw.
  if (namesPhi4(model) && isBareTemplate(template)) return 'phi4';
  // Older uploads use a one-prompt template (.Prompt, with the assistant header inside the user branch), some with
  // standard ChatML's newline for <|im_sep|>: the model is still Phi-4, so it gets Phi-4's own ChatML, raw.
  if (namesPhi4(model) && isPromptTemplate(template)) return 'phi4';
  if (template.includes('<|im_start|>')) return 'chatml';
  return 'ollama-template';
}
