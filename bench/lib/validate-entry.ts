/**
 * What the benchmark needs of the engine in its own process (bundled by bench/run.mjs with esbuild):
 * the core's validate and the CLI's attachment probe, to time a full validation against the bare
 * parse of the same text under the same conditions.
 */
export { validate } from '../../server/src/core';
export { createFileProbe } from '../../server/src/node/file-probe';
