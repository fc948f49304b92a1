// Reads the token table (strings and types) from a GGUF file's header, the source of truth for which
// strings a llama.cpp-based server such as Ollama tokenizes as special tokens. Format: GGUF v3, as written
// by llama.cpp's gguf-py (magic "GGUF", version, tensor count, key/value count, then typed key/values).
import * as fs from 'node:fs';

/** llama.cpp's token types (llama_token_type). */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface GgufVocab {
  readonly tokens: readonly string[];
  readonly types: readonly number[];
}

const SCALAR_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

export function readGgufVocab(file: string): GgufVocab {
  const b = fs.readFileSync(file);
  let at = 0;
  const u32 = (): number => ((at += 4), b.readUInt32LE(at - 4));
  const u64 = (): number => ((at += 8), Number(b.readBigUInt64LE(at - 8)));
  const str = (): string => {
    const n = u64();
    at += n;
    return b.toString('utf8', at - n, at);
  };
  const value = (type: number): unknown => {
    if (type === STRING) return str();
    if (type === ARRAY) {
      const itemType = u32();
      return Array.from({ length: u64() }, () => value(itemType));
    }
    const size = SCALAR_SIZE[type];
    if (size === undefined) throw new Error(`unknown GGUF value type ${type} at byte ${at}`);
    const v = type === 4 ? b.readUInt32LE(at) : type === 5 ? b.readInt32LE(at) : undefined;
    at += size;
    return v;
  };
  if (b.toString('latin1', 0, 4) !== 'GGUF') throw new Error(`${file} is not a GGUF file`);
  at = 4;
  const version = u32();
  if (version !== 3) throw new Error(`${file}: GGUF version ${version}, expected 3`);
  u64(); // tensor count
  const kvCount = u64();
  const kv = new Map<string, unknown>();
  for (let i = 0; i < kvCount; i++) {
    const key = str();
    kv.set(key, value(u32()));
  }
  const tokens = kv.get('tokenizer.ggml.tokens') as string[] | undefined;
  const types = kv.get('tokenizer.ggml.token_type') as number[] | undefined;
  if (!tokens || !types || tokens.length !== types.length) throw new Error(`${file} has no token table`);
  return { tokens, types };
}
