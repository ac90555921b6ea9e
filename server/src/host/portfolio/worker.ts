/**
 * The portfolio worker (bundled as dist/portfolio-worker.js): summarizes the files it is sent off the
 * main thread, for the CLI (two workers share a large portfolio) and the language server (the
 * background check never competes with the editor's requests on the server's thread). Messages:
 * `{ id, files, options }` in, `{ id, summaries }` out (worker-protocol.ts).
 */
import { parentPort } from 'node:worker_threads';
import { PortfolioScanner } from './scan';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (port !== null) {
  let scanner: PortfolioScanner | undefined;
  let key = '';
  port.on('message', (request: WorkerRequest) => {
    const optionsKey = JSON.stringify(request.options);
    if (scanner === undefined || optionsKey !== key || request.forgetConfigs === true) {
      scanner = new PortfolioScanner(request.options);
      key = optionsKey;
    }
    const summaries = request.files.map((file) => scanner!.summarizeFile(file.path, file.id));
    const reply: WorkerReply = { id: request.id, summaries };
    port.postMessage(reply);
  });
}
