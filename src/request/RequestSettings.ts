// The settings a request needs, as plain values (the host reads them from VS Code in one place).

export type PromptFormatSetting = 'auto' | 'phi4' | 'chatml' | 'ollama-template';

/** Where prompts go: a local or proxied Ollama, or a shared server with an OpenAI-compatible /v1/completions. */
export type Provider = 'ollama' | 'openai-compatible';

export interface RequestSettings {
  readonly provider: Provider;
  /** The Ollama host, or the OpenAI-compatible base URL (ending in /v1): the one place prompts are sent. */
  readonly host: string;
  /** Empty only for an OpenAI-compatible server: then the one model it serves is used. */
  readonly model: string;
  /** 0 = the model's trained context from /api/show. */
  readonly contextWindow: number;
  readonly maxAnswerTokens: number;
  readonly temperature: number;
  readonly keepAlive: string;
  readonly promptFormat: PromptFormatSetting;
}
