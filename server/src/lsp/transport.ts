/**
 * The server's end of the wire: the message reader and writer for `--stdio` (Content-Length
 * framing) or `--node-ipc`, and what happens when the wire itself fails. Every incoming request
 * passes the params guard (params-guard.ts) before it is dispatched. A stdio stream whose framing is
 * lost — a header without a usable Content-Length, bytes that stop short of a whole message for
 * {@link STALL_MS} — cannot be trusted again (the next message boundary is unknown), so the server
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
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageStrategy,
  type MessageWriter,
  type PartialMessageInfo,
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

/**
 * The reader, watched: a read error (bad header, a body that is not JSON) or bytes left waiting
 * {@link STALL_MS} without making a message end the process; so does the input closing.
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
  /** Bytes arrived after the last complete message: when the last of them came. */
  let waitingSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    timer = undefined;
    if (waitingSince === undefined) return;
    const idle = performance.now() - waitingSince;
    if (idle >= stallMs) end(1, `${Math.round(idle)} ms without the rest of a message`);
    else timer = setTimeout(check, stallMs - idle);
  };
  input.on('data', () => {
    waitingSince = performance.now();
    timer ??= setTimeout(check, stallMs);
  });
  reader.onError((error) => {
    const why = error.message.split('\n')[0] ?? String(error);
    // A whole message whose body is not JSON: its length was right, so the next one starts where
    // expected. Skipped (and said), not fatal; a header that cannot be read is.
    if (error instanceof SyntaxError) options.report(`miit95: skipped a message whose body is not JSON (${why}).\nmiit95：已跳过一条消息体不是 JSON 的消息（${why}）。`);
    else end(1, why);
  });
  reader.onClose(() => end(options.shutdownReceived() ? 0 : 1, undefined));
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: (listener: (info: PartialMessageInfo) => void): Disposable => reader.onPartialMessage(listener),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message) => {
        // Imprecise by one case: a chunk that ends one message and starts the next is watched
        // again only once more bytes arrive (the reader's buffer is its own).
        waitingSince = undefined;
        callback(message);
      });
    },
    dispose(): void {
      if (timer !== undefined) clearTimeout(timer);
      reader.dispose();
    },
  };
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
