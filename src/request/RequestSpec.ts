// What every request kind (chat, Explain, Fix, Edit, slash commands) hands the one pipeline, and what it
// gets back. Plain values only, so the pipeline is tested in plain Node against the test server.
import type { FittedPrompt } from '../budget/fitToBudget';
import type { TrimPolicy } from '../budget/trimHistory';
import type { ChatMessage } from '../chatml/renderChatML';
import type { GatheredContext } from '../context/EditorContext';
import type { Mention } from '../context/mentions/Mention';
import type { Logger } from '../log/Logger';
import type { AnswerStats } from '../ollama/AnswerStats';
import type { WireFormat } from '../ollama/OllamaClient';
import type { OllamaError } from '../ollama/OllamaError';
import type { AnswerClient } from './AnswerClient';
import type { LastPrompts } from './LastPrompts';
import type { ModelResolver } from './ModelResolver';
import type { RequestSettings } from './RequestSettings';

export type RequestKind = 'chat' | 'explain' | 'fix' | 'edit' | 'tests';

export interface RequestSpec {
  readonly kind: RequestKind;
  readonly system: string;
  /** Earlier turns, oldest first; the budget may leave old ones out, never edit them. */
  readonly history: readonly ChatMessage[];
  readonly question: string;
  readonly context?: GatheredContext;
  /** What the user added to the question explicitly (@-mentions, Add File to Phi-4 Chat). */
  readonly mentions?: readonly Mention[];
  /** The answer must have room for at least this many tokens (Fix needs the whole region back). */
  readonly minAnswerTokens?: number;
  /** What the user should know about the prompt before it is sent (custom instructions cut to fit). */
  readonly notes?: readonly string[];
  /** The model and prompt format of the conversation's last answer, to say when this one differs. */
  readonly continues?: { readonly model: string; readonly format?: string };
}

/** Built once at activation and shared by every request. */
export interface RequestServices {
  /** The client for phi4.provider: Ollama, or an OpenAI-compatible server. */
  readonly client: () => AnswerClient;
  readonly settings: () => RequestSettings;
  readonly resolver: ModelResolver;
  readonly log: Logger;
  /**
   * Asked right before anything is sent, with the settings the request will use: an error stops it unsent
   * (an unusable host, or a host that is not this machine which the user did not allow). A request may
   * wait in a queue while settings change, so the check cannot be made only when it is asked for.
   */
  readonly mayContact?: (settings: RequestSettings) => Promise<OllamaError | undefined>;
  /** Our previous request to each model, so a server reporting only new prompt tokens is not taken for a cut. */
  readonly lastPrompts?: LastPrompts;
  /** How old turns are left out; BLOCK_TRIM unless a benchmark compares another policy. */
  readonly trimPolicy?: TrimPolicy;
}

export interface RequestOutcome {
  /** Everything the model wrote, also when it failed or was stopped part-way. */
  readonly text: string;
  readonly model: string;
  readonly fitted?: FittedPrompt;
  readonly stats?: AnswerStats;
  /** What the user should know about this answer: context left out, truncation, length limits. */
  readonly notes: readonly string[];
  /** Set when the answer did not complete; kind 'cancelled' when the user stopped it. */
  readonly error?: OllamaError;
  /** The answer ended at its length limit (or the size cap), so code in it may be cut off. */
  readonly cutOff: boolean;
  /** The prompt format it was sent in, once the model was looked up. */
  readonly format?: WireFormat;
}
