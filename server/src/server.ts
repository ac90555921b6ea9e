/**
 * The miit95 language server entry: wires the connection (--stdio or --node-ipc), the text documents
 * (incremental sync) and the handlers. Owns no logic of its own; each handler module does one job
 * and the pure core does the validating.
 */
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../package.json';
import { installCrashGuard } from './handlers/crash-guard';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { initialize, type Session } from './handlers/initialize';
import { diagnosticsFor } from './handlers/validate-document';
import { AnalysisCache } from './handlers/analysis';
import { probeForUri } from './handlers/document-probe';

const connection = createConnection(ProposedFeatures.all);
const logError = (message: string): void => connection.console.error(message);
installCrashGuard(logError);

const documents = new TextDocuments(TextDocument);
let session: Session = { locale: 'zh-cn', docsBase: undefined };

/** One validation per document version, shared by diagnostics and every editor feature. */
const analyses = new AnalysisCache((uri) => {
  const files = probeForUri(uri);
  return files === undefined ? {} : { files };
});

const diagnostics = new DiagnosticsScheduler({
  current: (uri) => documents.get(uri),
  compute: (document) => diagnosticsFor(document, session, analyses, logError),
  publish: (params) =>
    void connection
      .sendDiagnostics(params)
      .catch((error: unknown) => logError(`miit95: publishing diagnostics failed: ${String(error)}`)),
});

connection.onInitialize((params) => {
  const answer = initialize(params, packageJson.version);
  session = answer.session;
  return answer.result;
});
connection.onShutdown(() => diagnostics.dispose());

documents.onDidChangeContent(({ document }) => diagnostics.contentChanged(document.uri));
documents.onDidClose(({ document }) => {
  analyses.delete(document.uri);
  diagnostics.closed(document.uri);
});

documents.listen(connection);
connection.listen();
