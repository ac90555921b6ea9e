/**
 * A hostile LSP client that speaks Content-Length framing by hand to the bundled server
 * (dist/server.js --stdio): it can send any bytes (a broken header, garbage, half a message), any
 * JSON-RPC message (null or missing params), and reads the server's answers by parsing the framing
 * itself, so nothing of vscode-jsonrpc stands between the test and the wire.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, SERVER_BUNDLE } from '../lsp/client';

export interface RpcResponse {
  readonly id: number | string | null;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class RawStdioClient {
  stderr = '';
  /** Every message the server wrote, parsed. */
  readonly received: Record<string, unknown>[] = [];
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiters = new Map<number | string, (response: RpcResponse) => void>();
  private exitCode: number | null | undefined;

  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stdin!.on('error', () => undefined); // writing to a server that exited
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  /** Writes raw bytes. */
  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  /** Writes one framed message (the body as given, JSON or not). */
  frame(body: string): void {
    this.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** Sends a request; `params` absent from the message when `omitParams`. Resolves with the response. */
  request(method: string, params?: unknown, omitParams = false): Promise<RpcResponse> {
    const id = this.nextId++;
    const message = omitParams ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params };
    const answered = new Promise<RpcResponse>((resolve) => this.waiters.set(id, resolve));
    this.frame(JSON.stringify(message));
    return answered;
  }

  notify(method: string, params?: unknown): void {
    this.frame(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  /** initialize + initialized, as a minimal client does. */
  async initialize(): Promise<RpcResponse> {
    const answer = await this.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    this.notify('initialized', {});
    return answer;
  }

  /** Closes the server's stdin. */
  endInput(): void {
    this.child.stdin!.end();
  }

  /** Resolves with the exit code, or rejects after `ms` (the server then gets killed). */
  async exitWithin(ms: number): Promise<number | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`the server did not exit within ${ms} ms; stderr: ${this.stderr}`));
      }, ms);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: (\d+)/i.exec(header)?.[1];
      if (length === undefined) throw new Error(`the server wrote a header without Content-Length: ${header}`);
      const start = headerEnd + 4;
      if (this.buffer.length < start + Number(length)) return;
      const message = JSON.parse(this.buffer.subarray(start, start + Number(length)).toString('utf8')) as Record<
        string,
        unknown
      >;
      this.buffer = this.buffer.subarray(start + Number(length));
      this.received.push(message);
      const id = message['id'] as number | string | undefined;
      if (id !== undefined && !('method' in message)) {
        this.waiters.get(id)?.(message as unknown as RpcResponse);
        this.waiters.delete(id);
      } else if (id !== undefined && typeof message['method'] === 'string') {
        // A request from the server (configuration, registration…): answer it empty.
        this.frame(JSON.stringify({ jsonrpc: '2.0', id, result: null }));
      }
    }
  }
}
