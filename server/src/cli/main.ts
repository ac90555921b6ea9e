/**
 * The CLI's dispatcher: parses the command line, runs the command, and returns the exit code. Never
 * throws: an unexpected exception is reported in both languages and exits with 2.
 */
import packageJson from '../../../package.json';
import { parseCommandLine } from './args';
import { EXIT_OK, EXIT_USAGE, runCheck } from './check';
import { helpText } from './help';
import { runRules } from './rules';
import { runInit } from './init';
import { runFees } from './fees';
import { runExport } from './export';
import { runFix } from './fix';
import { runCalendar, runPortfolio } from './portfolio';
import type { CliIo } from './io';
import { bilingual, usageHint } from './messages';

/** The exit code; a promise for the commands that write files asynchronously (export). */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.out(helpText(command.topic, command.locale));
        return EXIT_OK;
      case 'version':
        io.out(`${packageJson.version}\n`);
        return EXIT_OK;
      case 'usage-error':
        io.err(bilingual(command.message) + bilingual(usageHint));
        return EXIT_USAGE;
      case 'check':
        return runCheck(command, io);
      case 'rules':
        return runRules(command, io);
      case 'init':
        return runInit(command, io);
      case 'fees':
        return runFees(command, io);
      case 'fix':
        return runFix(command, io);
      case 'export':
        return runExport(command, io).catch((error: unknown) => internalError(error, io));
      case 'portfolio':
        return runPortfolio(command, io).catch((error: unknown) => internalError(error, io));
      case 'calendar':
        return runCalendar(command, io).catch((error: unknown) => internalError(error, io));
    }
  } catch (error) {
    return internalError(error, io);
  }
}

function internalError(error: unknown, io: CliIo): number {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(bilingual({ 'zh-cn': `内部错误：${detail}`, en: `internal error: ${detail}` }));
  return EXIT_USAGE;
}
