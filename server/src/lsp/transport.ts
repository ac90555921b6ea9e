/**
 * The server's end of the wire: the message reader and writer for `--stdio` (Content-Length
 * framing) or `--node-ipc`, and what happens when the wire itself fails. Every incoming request
 * passes the params guard (params-guard.ts) before it is dispatched. A stdio stream whose framing is
 * lost — a header without a usable Content-Length, a header that never ends, bytes that stop short of
 * a whole message for {@link STALL_MS} — cannot be trusted again (the next message boundary is unknown), so the server
 * says so on stderr and exits non-zero, and the client's restart policy decides what comes next,
 * instead of living on deaf. A whole message whose body is not JSON leaves the framing intact: it
 * is reported on stderr and skipped. The input closing ends the server too: exit
 * code 0 after `shutdown`, 1 without (as LSP's `exit`).
 */
import {
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Message,
  type MessageReader,
  type MessageStrategy,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { inspect } from 'node:util';
import { invalidParams } from './params-guard';

/**
 * How long bytes may wait without completing a message before the framing counts as lost (ms).
 * MIIT95_STREAM_STALL_MS overrides it (the tests use a short one).
 */
export const STALL_MS = 10_000;

export interface Transport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Answers requests whose params do not fit with InvalidParams; passes everything else on. */
  readonly messageStrategy: MessageStrategy;
  /** Whether messages travel over stdio (stdout is then the protocol: console output must go elsewhere). */
  readonly stdio: boolean;
}

export interface TransportOptions {
  readonly argv: readonly string[];
  /** Whether `shutdown` was received: decides the exit code when the input closes. */
  readonly shutdownReceived: () => boolean;
  /** Ends the process (process.exit in the server; tests pass a spy). */
  readonly exit: (code: number) => void;
  /** Where the broken-stream message goes (stderr: the protocol itself may be what broke). */
  readonly report: (message: string) => void;
}

/** The transport the command line asks for, or undefined (the library then picks: socket, pipe). */
export function openTransport(options: TransportOptions): Transport | undefined {
  if (options.argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    // The extension host that spawned us is gone: nobody will ever send `exit`.
    process.once('disconnect', () => options.exit(options.shutdownReceived() ? 0 : 1));
    return { reader: new IPCMessageReader(process), writer, messageStrategy: guardedStrategy(writer), stdio: false };
  }
  if (!options.argv.includes('--stdio')) return undefined;
  const writer = new StreamMessageWriter(process.stdout);
  const reader = watchFraming(new StreamMessageReader(process.stdin), process.stdin, stallMs(), options);
  writer.onClose(() => options.exit(options.shutdownReceived() ? 0 : 1));
  return { reader, writer, messageStrategy: guardedStrategy(writer), stdio: true };
}

function stallMs(): number {
  const configured = Number(process.env['MIIT95_STREAM_STALL_MS']);
  return Number.isFinite(configured) && configured > 0 ? configured : STALL_MS;
}

/** The message strategy that applies the params guard to every request. */
export function guardedStrategy(writer: MessageWriter): MessageStrategy {
  return {
    handleMessage(message: Message, next: (message: Message) => void): void {
      const request = message as { id?: unknown; method?: unknown; params?: unknown };
      const isRequest =
        typeof request.method === 'string' && (typeof request.id === 'number' || typeof request.id === 'string');
      const problem = isRequest ? invalidParams(request.method as string, request.params) : undefined;
      if (problem === undefined) {
        next(message);
        return;
      }
      const answer: ResponseMessage = {
        jsonrpc: '2.0',
        id: request.id as number | string,
        error: { code: ErrorCodes.InvalidParams, message: problem },
      };
      void writer.write(answer).catch(() => undefined); // a dead writer ends the process (its close)
    },
  };
}

/** A header this long without its blank line is not a header (LSP's are a few dozen bytes). */
export const MAX_HEADER_BYTES = 8192;

/**
 * Follows the Content-Length framing of the input alongside the reader, just enough to know
 * whether bytes of an unfinished message are waiting (the reader keeps its buffer to itself).
 */
export class FramingTracker {
  private header: Buffer = Buffer.alloc(0);
  private bodyLeft = 0;
  /** Set when a header has no usable Content-Length (the reader reports that one itself). */
  unreadable = false;

  /** Whether an unfinished message (header or body) is waiting for more bytes. */
  get waiting(): boolean {
    return !this.unreadable && (this.header.length > 0 || this.bodyLeft > 0);
  }

  get headerTooLong(): boolean {
    return this.header.length > MAX_HEADER_BYTES;
  }

  feed(chunk: Buffer): void {
    let rest = chunk;
    while (rest.length > 0 && !this.unreadable) {
      if (this.bodyLeft > 0) {
        const taken = Math.min(this.bodyLeft, rest.length);
        this.bodyLeft -= taken;
        rest = rest.subarray(taken);
        continue;
      }
      // Most chunks start a header afresh: look at them in place instead of copying.
      const header = this.header.length === 0 ? rest : Buffer.concat([this.header, rest]);
      const end = header.indexOf('\r\n\r\n');
      if (end < 0) {
        this.header = header;
        return;
      }
      const length = /(?:^|\r\n)content-length:\s*(\d+)\s*(?:\r\n|$)/i.exec(header.subarray(0, end).toString('ascii'))?.[1];
      this.header = Buffer.alloc(0);
      if (length === undefined) {
        this.unreadable = true;
        return;
      }
      this.bodyLeft = Number(length);
      rest = header.subarray(end + 4);
    }
  }
}

/**
 * The reader, watched: a header it cannot read, a header that never ends, or an unfinished message
 * waiting {@link STALL_MS} for more bytes ends the process; so does the input closing.
 */
export function watchFraming(
  reader: MessageReader,
  input: NodeJS.ReadableStream,
  stallMs: number,
  options: Pick<TransportOptions, 'shutdownReceived' | 'exit' | 'report'>,
): MessageReader {
  let ended = false;
  const end = (code: number, why: string | undefined): void => {
    if (ended) return;
    ended = true;
    if (why !== undefined)
      options.report(
        `miit95: the message stream from the client is broken (${why}); the server exits so that the client can start it again.\n` +
          `miit95：来自客户端的消息流已损坏（${why}），服务器退出，以便客户端重新启动它。`,
      );
    options.exit(code);
  };
  const framing = new FramingTracker();
  /** When the last bytes arrived. */
  let lastBytesAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
    if (!framing.waiting) return;
    const idle = performance.now() - lastBytesAt;
    if (idle >= stallMs) end(1, `${Math.round(idle)} ms without the rest of a message`);
    else timer = setTimeout(check, stallMs - idle);
  };
  input.on('data', (chunk: Buffer | string) => {
    lastBytesAt = performance.now();
    framing.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (framing.headerTooLong) end(1, `a header longer than ${MAX_HEADER_BYTES} bytes`);
    else if (framing.waiting) timer ??= setTimeout(check, stallMs);
  });
  reader.onError((error) => {
    const why = error.message.split('\n')[0] ?? String(error);
    // A whole message whose body is not JSON: its length was right, so the next one starts where
    // expected. Skipped (and said), not fatal; a header that cannot be read is.
    if (error instanceof SyntaxError)
      options.report(`miit95: skipped a message whose body is not JSON (${why}).\nmiit95：已跳过一条消息体不是 JSON 的消息（${why}）。`);
    else end(1, why);
  });
  reader.onClose(() => end(options.shutdownReceived() ? 0 : 1, undefined));
  return reader;
}

/**
 * Over stdio, stdout is the protocol: a stray console.log (ours or a library's) would corrupt it.
 * Sends the console to the client's log instead, as the library does when it opens stdio itself.
 */
export function keepConsoleOffStdout(logger: { log(message: string): void; error(message: string): void }): void {
  /* eslint-disable no-console -- replacing the console is the point: nothing of it may reach stdout */
  const text = (args: unknown[]): string => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => logger.log(text(args));
  console.warn = console.error = (...args: unknown[]) => logger.error(text(args));
  /* eslint-enable no-console */
}
