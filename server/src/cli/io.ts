/**
 * The CLI's window on the world, injected so commands are testable: the working directory and the two
 * output streams. stdout carries results only (findings, summary, JSON, help); stderr carries problems.
 */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}
