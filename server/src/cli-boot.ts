/**
 * The `miit95` command's start file (dist/cli.js, with the shebang): runs the CLI bundle
 * (dist/cli-main.js, built from cli.ts) through V8's code cache (boot/code-cache.ts), which saves
 * parsing and compiling the ~3 MB bundle at every run (about 0.1 s of the complete sample's export).
 * One cache per command (`cli_export`, `cli_check`, …; `cli` for help, version and usage errors),
 * since a cache holds the functions its first run compiled; it is written as that run exits.
 * `MIIT95_CODE_CACHE=off` turns it off, `MIIT95_CODE_CACHE_DIR` moves it.
 */
import path from 'node:path';
import { runWithCodeCache } from './boot/code-cache';
import { CLI_COMMANDS } from './cli/command-names';
import { useResvgV8Flags } from './node/export/resvg-flags';

/** The SHA-256 of dist/cli-main.js, defined by esbuild.mjs when it builds this file (not in watch mode). */
declare const MIIT95_CLI_MAIN_DIGEST: string | undefined;
const builtDigest = typeof MIIT95_CLI_MAIN_DIGEST === 'string' ? MIIT95_CLI_MAIN_DIGEST : undefined;

// The export's drawing worker sets this V8 flag in the process; V8 rejects a cache written under
// other flags than the reading start's, so the start sets it first (resvg-flags.ts).
useResvgV8Flags();
const command = process.argv.slice(2).find((arg) => CLI_COMMANDS.includes(arg));
const name = command === undefined ? 'cli' : `cli_${command}`;
runWithCodeCache(path.join(__dirname, 'cli-main.js'), name, module, builtDigest, { write: 'at-exit' });
