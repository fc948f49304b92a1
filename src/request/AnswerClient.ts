// The small surface both providers implement, so the one pipeline (budget, caps, notes, errors) serves both.
import type { AnswerEvent, AnswerRequest, ModelSummary } from '../ollama/OllamaClient';
import type { ModelInfo } from '../ollama/ModelInfo';

export type ModelFacts = Pick<ModelInfo, 'contextLength' | 'detectedFormat'>;

export interface AnswerClient {
  /** Where prompts go, for messages: an Ollama host or an OpenAI-compatible base URL. */
  readonly host: string;
  /** Streams one answer; the last event is 'done' with the server's figures. */
  streamAnswer(request: AnswerRequest, signal?: AbortSignal, onText?: (text: string) => void): AsyncGenerator<AnswerEvent, void, undefined>;
  listModels(signal?: AbortSignal): Promise<ModelSummary[]>;
  /** The model's usable context and prompt dialect, as far as the server tells. */
  showModel(model: string, signal?: AbortSignal): Promise<ModelFacts>;
}
