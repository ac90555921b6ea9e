/**
 * The V8 flag resvg's WebAssembly is run with (diagram-raster-worker.ts): V8's baseline WebAssembly
 * compiler alone, no optimising tier-up on background threads. resvg runs once per drawing, and so
 * it draws the complete sample's diagram in about a third of the CPU time (~0.2 s instead of ~0.7 s).
 * V8 flags belong to the whole process, and V8 checks them when it reads a code cache: a process
 * that saves one (the CLI, cli-boot.ts; the language server, server-boot.ts) sets the same flag
 * before it compiles its bundle, so that a cache written after a drawing matches the next start.
 * Only WebAssembly is concerned, which nothing else runs.
 */
import { setFlagsFromString } from 'node:v8';

export const RESVG_V8_FLAGS = '--liftoff-only';

/** Sets RESVG_V8_FLAGS in this process (again: setting them twice changes nothing). */
export function useResvgV8Flags(): void {
  setFlagsFromString(RESVG_V8_FLAGS);
}
