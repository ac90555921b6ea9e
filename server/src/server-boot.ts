/**
 * The language server's start file (dist/server.js): runs the server bundle (dist/server-main.js,
 * built from server.ts) through V8's code cache, which halves the time to the first diagnostics
 * after the first start. See boot/code-cache.ts.
 */
import path from 'node:path';
import { runWithCodeCache } from './boot/code-cache';
import { useResvgV8Flags } from './node/export/resvg-flags';

/** The SHA-256 of dist/server-main.js, defined by esbuild.mjs when it builds this file (not in watch mode). */
declare const MIIT95_SERVER_MAIN_DIGEST: string | undefined;
const builtDigest = typeof MIIT95_SERVER_MAIN_DIGEST === 'string' ? MIIT95_SERVER_MAIN_DIGEST : undefined;

// The export's drawing worker sets this V8 flag in the process, and V8 rejects a cache written under
// other flags than the reading start's: the start sets it first, as the CLI's does (resvg-flags.ts).
useResvgV8Flags();
runWithCodeCache(path.join(__dirname, 'server-main.js'), 'server', module, builtDigest);
