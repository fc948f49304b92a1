#!/usr/bin/env bash
# Builds llama.cpp's llama-server offline from the source npm's node-llama-cpp@3.21.1 ships (its git bundle,
# commit 80fb11ac73e6), once: the binary is cached in .cache/llama-server/, so only a fresh machine pays for
# the build (about 12 minutes on 2 cores). The package goes into .cache/, never into the project's
# dependencies, so `npm ci` stays fast. Needs cmake and g++ (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=.cache/llama-server
BIN="$OUT/bin/llama-server"
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
for tool in cmake g++ git; do command -v "$tool" >/dev/null || { echo "llama-server build needs $tool (apt-get install cmake g++ git)" >&2; exit 1; }; done
SRC="$OUT/src"
mkdir -p "$SRC"
if [ ! -d "$SRC/node_modules/node-llama-cpp" ]; then
  npm install --prefix "$SRC" node-llama-cpp@3.21.1 --ignore-scripts --no-audit --no-fund --no-save >&2
fi
if [ ! -d "$SRC/llama.cpp" ]; then
  git clone -q "$SRC/node_modules/node-llama-cpp/llama/gitRelease.bundle" "$SRC/llama.cpp" >&2
fi
echo "Building llama-server (first time only, ~12 min on 2 cores)…" >&2
cmake -S "$SRC/llama.cpp" -B "$SRC/build" -DCMAKE_BUILD_TYPE=Release -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DGGML_NATIVE=ON >&2
cmake --build "$SRC/build" --target llama-server -j"$(nproc)" >&2
mkdir -p "$OUT/bin"
# The libraries go beside the binary; the tests run it with LD_LIBRARY_PATH pointing there.
cp "$SRC"/build/bin/lib*.so* "$OUT/bin/"
cp "$SRC/build/bin/llama-server" "$BIN"
echo "$BIN"
