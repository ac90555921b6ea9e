/**
 * The server's one analysis per document version: validates a document once (guarded) and keeps the
 * result — findings and the parsed document — for every feature that asks about the same version
 * (diagnostics, code actions, completion, hover, symbols, lenses). Owns caching and invalidation
 * only; what the options are (attachment probe, configuration) is supplied by the caller. A
 * `.miit95.yaml` document is validated as a configuration (`kind: 'config'`): features meant for
 * applications should skip those.
 */
import { LineIndex, type FileKind, type FileProbe, type ParsedDocument, type ValidateOptions } from '../core';
import { validateConfigSafely, validateSafelyWith, type SafeValidation } from '../node/validate-safely';
import { isConfigUri } from '../host/file-uri';

export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Analysis extends SafeValidation {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** An application, or a `.miit95.yaml` configuration file (its result holds the parsed configuration). */
  readonly kind: 'application' | 'config';
}

/** Gives the validate options for a document (probe rooted at its folder, its configuration…). */
export type OptionsFor = (uri: string) => ValidateOptions;

/**
 * How long an attachment probe's answer, and a document's options (its configuration lookup), are
 * reused for the next versions of a document (ms): the attachment rules ask on every keystroke, and
 * each answer costs file-system calls. The client's file watcher reports attachment and
 * configuration changes (the document's entry, or everything, is then forgotten at once); this
 * bounds how stale an answer can get without one.
 */
export const PROBE_MEMORY_MS = 2000;

export class AnalysisCache {
  private readonly entries = new Map<string, { key: string; analysis: Analysis }>();
  /**
   * The latest parse of each application document, whatever its version or generation: the next
   * version's parse reuses its unchanged parts (incremental reparse; the result is the same).
   */
  private readonly parses = new Map<string, ParsedDocument>();
  /** The options of each document, with when they were worked out (they cost file-system lookups). */
  private readonly options = new Map<string, { options: ValidateOptions; at: number }>();
  /** Recent attachment probe answers per document: path → kind and when it was asked. */
  private readonly probed = new Map<string, Map<string, { kind: FileKind; at: number }>>();
  private generation = 0;

  constructor(
    private readonly optionsFor: OptionsFor,
    /** Milliseconds, monotonic; tests pass a fake clock. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The analysis of this document version; computed at most once per version and generation. */
  get(document: DocumentSnapshot): Analysis {
    const key = `${document.version}@${this.generation}`;
    const cached = this.entries.get(document.uri);
    if (cached !== undefined && cached.key === key) return cached.analysis;
    const text = document.getText();
    const kind = isConfigUri(document.uri) ? 'config' : 'application';
    const validation =
      kind === 'config'
        ? validateConfigSafely(text)
        : validateSafelyWith(text, this.withPrevious(document.uri, this.recentOptions(document.uri)));
    const parsed = kind === 'application' ? validation.result?.document : undefined;
    if (parsed !== undefined) this.parses.set(document.uri, parsed);
    else this.parses.delete(document.uri);
    const analysis: Analysis = {
      ...validation,
      kind,
      uri: document.uri,
      version: document.version,
      text,
      lines: validation.result?.document?.lines ?? new LineIndex(text),
    };
    this.entries.set(document.uri, { key, analysis });
    return analysis;
  }

  /** Forgets every result, e.g. when a configuration file or a setting changed. */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
    this.probed.clear();
    this.options.clear();
  }

  /** Forgets one document (closed, or one of its attachments changed on disk). */
  delete(uri: string): void {
    this.entries.delete(uri);
    this.parses.delete(uri);
    this.probed.delete(uri);
    this.options.delete(uri);
  }

  /**
   * The document's options, worked out again when older than PROBE_MEMORY_MS: finding the
   * configuration costs `stat`s up the folder tree on every keystroke otherwise. A changed
   * configuration file or setting invalidates everything at once (ConfigSync).
   */
  private recentOptions(uri: string): ValidateOptions {
    const now = this.clock();
    const known = this.options.get(uri);
    if (known !== undefined && now - known.at < PROBE_MEMORY_MS) return known.options;
    const options = this.optionsFor(uri);
    this.options.set(uri, { options, at: now });
    return options;
  }

  /** The options with the previous parse to reuse and an attachment probe that remembers recent answers. */
  private withPrevious(uri: string, options: ValidateOptions): ValidateOptions {
    const previous = this.parses.get(uri);
    const files = options.files === undefined ? undefined : this.rememberingProbe(uri, options.files);
    return {
      ...options,
      ...(previous === undefined ? {} : { previous }),
      ...(files === undefined ? {} : { files }),
    };
  }

  private rememberingProbe(uri: string, inner: FileProbe): FileProbe {
    let answers = this.probed.get(uri);
    if (answers === undefined) {
      answers = new Map();
      this.probed.set(uri, answers);
    }
    const memory = answers;
    return {
      probe: (relativePath: string): FileKind => {
        const now = this.clock();
        const known = memory.get(relativePath);
        if (known !== undefined && now - known.at < PROBE_MEMORY_MS) return known.kind;
        const kind = inner.probe(relativePath);
        if (memory.size > 1000) memory.clear();
        memory.set(relativePath, { kind, at: now });
        return kind;
      },
    };
  }
}
