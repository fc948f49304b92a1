// Placeholder replaced below.
import type { OllamaTestServer } from '../support/ollamaTestServer';
export async function runUiScenarios(_ollama: OllamaTestServer, _only: string[]): Promise<{ failed: number }> {
  return { failed: 0 };
}
