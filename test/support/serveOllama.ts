// Runs the Ollama-API test server as its own process (for UI tests and `npm start` without Ollama).
// Prints the port on stdout as JSON; scripted over /__test/* by the tests.
import { OllamaTestServer } from './ollamaTestServer';

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
  const server = new OllamaTestServer();
  const delay = process.argv.indexOf('--chunk-delay');
  const chunkDelayMs = delay > 0 ? Number(process.argv[delay + 1]) : 0;
  server.defaultBehaviour = { answer: 'Hello from the test server.', chunkDelayMs };
  const actual = await server.start(port);
  process.stdout.write(JSON.stringify({ port: actual }) + '\n');
  const shutdown = (): void => void server.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
