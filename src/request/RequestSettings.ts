// The settings a request needs, as plain values (the host reads them from VS Code in one place).

export type PromptFormatSetting = 'auto' | 'phi4' | 'chatml' | 'ollama-template';

export interface RequestSettings {
  readonly host: string;
  readonly model: string;
  /** 0 = the model's trained context from /api/show. */
  readonly contextWindow: number;
  readonly maxAnswerTokens: number;
  readonly temperature: number;
  readonly keepAlive: string;
  readonly promptFormat: PromptFormatSetting;
}
