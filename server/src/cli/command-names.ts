/**
 * The names of the CLI's commands, in one place: the argument parser (args.ts) accepts these, and
 * the CLI's start file (cli-boot.ts) keeps one V8 code cache per command. No imports: the start
 * file bundles this module alone.
 */
export const CLI_COMMANDS: readonly string[] = ['check', 'rules', 'init', 'fees', 'export', 'fix', 'portfolio', 'calendar'];
