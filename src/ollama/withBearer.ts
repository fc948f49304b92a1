// Adds the user's API key as `Authorization: Bearer …` to every request a fetch makes. The key is read
// from secret storage per request, so it never sits in a settings object that could be logged.
import type { FetchFn } from './linkedAbortFetch';

export type ApiKeySource = () => Promise<string | undefined>;

export function withBearer(base: FetchFn, apiKey: ApiKeySource | undefined): FetchFn {
  if (!apiKey) return base;
  return async (input, init) => {
    const key = await apiKey();
    if (!key) return base(input, init);
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${key}`);
    return base(input, { ...init, headers });
  };
}
