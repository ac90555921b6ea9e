/**
 * The miit95 language server entry: wires the connection (--stdio or --node-ipc), the text documents
 * (incremental sync) and the handlers. Owns no logic of its own; each handler module does one job
 * and the pure core does the validating.
 */
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../package.json';
import { installCrashGuard } from './lsp/crash-guard';
import { keepConsoleOffStdout, openTransport } from './lsp/transport';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { initialize } from './handlers/initialize';
import type { Session } from './lsp/session';
import { diagnosticsFor } from './handlers/validate-document';
import { AnalysisCache } from './lsp/analysis';
import { EditorConfigs } from './host/editor-configs';
import { fsPathOf, isConfigUri } from './host/file-uri';
import { ValidationHost } from './host/validation-host';
import { ConfigSync, startConfigSync, wireConfigSync } from './lsp/config-sync';
import { codeLenses } from './handlers/code-lens';
import { PortfolioService } from './handlers/portfolio';
import { PortfolioPool } from './host/portfolio/pool';
import { inlayHints } from './handlers/inlay-hints';
import { revalidate, ruleList } from './handlers/editor-requests';
import { feePreview } from './handlers/fee-preview';
import {
  EXPORT_METHOD,
  FEE_PREVIEW_METHOD,
  FORM_EDIT_METHOD,
  FORM_MODEL_METHOD,
  PORTFOLIO_CHANGED_NOTIFICATION,
  PORTFOLIO_METHOD,
  REVALIDATE_METHOD,
  RULES_METHOD,
  type ExportOutcome,
  type ExportParams,
  type FeePreviewParams,
  type FormEditParams,
  type FormEditResult,
  type FormModelParams,
} from './editor-protocol';
import { formEdit, formModel } from './handlers/form-view';
import { exportDocument } from './handlers/export';
import { loadRenderPackage } from './node/export/load-render';
import { CodeLensRefreshRequest } from 'vscode-languageserver/node';
import { completion } from './handlers/completion';
import { hover } from './handlers/hover';
import { symbols } from './handlers/symbols';
import { folding } from './handlers/folding';
import { codeActions } from './handlers/code-actions';
import { documentLinks } from './handlers/document-links';
import { definition, references } from './handlers/id-navigation';

/** Set by the first `shutdown`: the input closing then exits 0, else 1 (as `exit` does). */
let shutdownReceived = false;
/** Our own reader and writer: every request passes the params guard; a broken stream ends the process. */
const transport = openTransport({
  argv: process.argv,
  shutdownReceived: () => shutdownReceived,
  exit: (code) => process.exit(code),
  report: (message) => process.stderr.write(`${message}\n`),
});
const connection =
  transport === undefined
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, transport.reader, transport.writer, {
        messageStrategy: transport.messageStrategy,
      });
if (transport?.stdio === true) keepConsoleOffStdout(connection.console);
const logError = (message: string): void => connection.console.error(message);
installCrashGuard(logError);

const documents = new TextDocuments(TextDocument);
let session: Session = { locale: 'zh-cn', docsBase: undefined };

/** Per document: the nearest `.miit95.yaml` (an open editor's text first, else the disk's). */
const configs = new EditorConfigs(documents);
/** Per document: that configuration with the `miit95.rules` setting, the attachment probe, today. */
const host = new ValidationHost({ configs });
/** One validation per document version, shared by diagnostics and every editor feature. */
const analyses = new AnalysisCache((uri) => host.optionsFor(fsPathOf(uri)));

const diagnostics = new DiagnosticsScheduler({
  current: (uri) => documents.get(uri),
  compute: (document) => {
    const result = diagnosticsFor(document, session, analyses, logError);
    portfolio.documentChanged(document.uri);
    return result;
  },
  publish: (params) =>
    void connection
      .sendDiagnostics(params)
      .catch((error: unknown) => logError(`miit95: publishing diagnostics failed: ${String(error)}`)),
});

/** Revalidates open documents when a configuration file, an attachment or the setting changes. */
const configSync = new ConfigSync({
  configs,
  host,
  analyses,
  diagnostics,
  open: documents,
  pullSettings: (scopeUri) =>
    (scopeUri === undefined
      ? connection.workspace.getConfiguration('miit95')
      : connection.workspace.getConfiguration({ scopeUri, section: 'miit95' })) as Promise<unknown>,
  log: logError,
  rulesChanged: () => portfolio.rulesChanged(),
});

/** The applications view (issue 15): the workspace's summaries, checked on a worker thread. */
let workspaceFolders: string[] = [];
let portfolioPool: PortfolioPool | undefined;
const portfolio = new PortfolioService({
  folders: () => workspaceFolders,
  analysisOf: (uri) => {
    const document = documents.get(uri);
    return document === undefined ? undefined : analyses.get(document);
  },
  openUris: () => documents.keys(),
  today: () => host.today(),
  scanOptions: () => ({
    today: host.today(),
    roots: workspaceFolders,
    userRules: host.userRulesSnapshot(),
    openConfigs: documents
      .all()
      .filter((document) => isConfigUri(document.uri))
      .map((document) => ({ uri: document.uri, version: document.version, text: document.getText() })),
  }),
  notify: (change) =>
    void connection
      .sendNotification(PORTFOLIO_CHANGED_NOTIFICATION, change)
      .catch((error: unknown) => logError(`miit95: sending the portfolio failed: ${String(error)}`)),
  pool: () => (portfolioPool ??= new PortfolioPool({ workers: 1 })),
  log: logError,
});
connection.onRequest(PORTFOLIO_METHOD, () => portfolio.request());

connection.onInitialize((params) => {
  workspaceFolders = (params.workspaceFolders?.map((f) => f.uri) ?? (typeof params.rootUri === 'string' ? [params.rootUri] : []))
    .map(fsPathOf)
    .filter((p): p is string => p !== undefined);
  configSync.initialize(params);
  const answer = initialize(params, packageJson.version);
  session = answer.session;
  return answer.result;
});
connection.onInitialized(() => {
  startConfigSync(connection, configSync);
  if (configSync.supportsFolderEvents)
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(removed.map((f) => fsPathOf(f.uri)));
      workspaceFolders = [
        ...workspaceFolders.filter((p) => !gone.has(p)),
        ...added.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined),
      ];
      portfolio.foldersChanged();
    });
});
connection.onShutdown(() => {
  shutdownReceived = true;
  diagnostics.dispose();
  portfolio.dispose();
  void portfolioPool?.dispose();
});

documents.onDidChangeContent(({ document }) => {
  diagnostics.contentChanged(document.uri);
  portfolio.configTextChanged(document.uri);
});
documents.onDidClose(({ document }) => {
  analyses.delete(document.uri);
  diagnostics.closed(document.uri);
  portfolio.documentClosed(document.uri);
  portfolio.configTextChanged(document.uri);
});

wireConfigSync(connection, documents, configSync, (changes) => portfolio.filesChanged(changes));

// Editor features (issue 4): lenses, hints, revalidate, rule list.
connection.onCodeLens(({ textDocument }) => codeLenses(documents.get(textDocument.uri), analyses, session, logError));
connection.languages.inlayHint.on(({ textDocument, range }) =>
  inlayHints(documents.get(textDocument.uri), range, analyses, session, logError),
);
connection.onRequest(REVALIDATE_METHOD, () =>
  revalidate({
    analyses,
    diagnostics,
    documents,
    refresh: () =>
      Promise.all([connection.sendRequest(CodeLensRefreshRequest.type), connection.languages.inlayHint.refresh()]),
  }),
);
connection.onRequest(RULES_METHOD, () => ruleList(session.locale));
// Fee preview panel (issue 5): the fee model of an open document, from its cached analysis.
connection.onRequest(FEE_PREVIEW_METHOD, ({ uri }: FeePreviewParams) => feePreview(documents.get(uri), analyses, host.today()));
// Form view (issue 14): the form model of an open document, and form edits as minimal text edits.
connection.onRequest(FORM_MODEL_METHOD, ({ uri }: FormModelParams) =>
  formModel(documents.get(uri), analyses, session.locale, host.today()),
);
connection.onRequest<FormEditResult, unknown>(FORM_EDIT_METHOD, (params: FormEditParams) =>
  formEdit(params, documents.get(params.uri), analyses, session.locale),
);
// The editor's export (issue 10 item 2): the package from the cached analysis, rendered by the bundle
// dist/export-render.js, loaded on the first export.
connection.onRequest<ExportOutcome, unknown>(EXPORT_METHOD, (params: ExportParams) =>
  exportDocument(params, { document: documents.get(params.uri), analyses, host, render: loadRenderPackage, env: process.env }),
);

// Completion, hover, outline and folding (issue 4 items 2–4), from the cached analysis.
connection.onCompletion((params) =>
  completion(params, documents.get(params.textDocument.uri), analyses, session, logError, host.today()),
);
connection.onHover((params) => hover(params, documents.get(params.textDocument.uri), analyses, session, logError));
connection.onDocumentSymbol((params) => symbols(params, documents.get(params.textDocument.uri), analyses, session, logError));
connection.onFoldingRanges((params) => folding(params, documents.get(params.textDocument.uri), analyses, logError));
// Quick fixes and fix-all (issue 4 item 1), from the cached analysis.
connection.onCodeAction((params) => codeActions(params, documents.get(params.textDocument.uri), analyses, session, logError));
// Attachment links and site/link id navigation (issue 13 item 5), from the cached analysis.
connection.onDocumentLinks((params) => documentLinks(params, documents.get(params.textDocument.uri), analyses, logError));
connection.onDefinition((params) => definition(params, documents.get(params.textDocument.uri), analyses, logError));
connection.onReferences((params) => references(params, documents.get(params.textDocument.uri), analyses, logError));

documents.listen(connection);
connection.listen();
