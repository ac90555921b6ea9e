/**
 * The server's one analysis per document version: validates a document once (guarded) and keeps the
 * result — findings and the parsed document — for every feature that asks about the same version
 * (diagnostics, code actions, completion, hover, symbols, lenses). Owns caching and invalidation
 * only; what the options are (attachment probe, configuration) is supplied by the caller. A
 * `.miit95.yaml` document is validated as a configuration (`kind: 'config'`): features meant for
 * applications should skip those.
 */
import { LineIndex, type ParsedDocument, type ValidateOptions } from '../core';
import { validateConfigSafely, validateSafelyWith, type SafeValidation } from '../node/validate-safely';
import { isConfigUri } from './document-config';

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

export class AnalysisCache {
  private readonly entries = new Map<string, { key: string; analysis: Analysis }>();
  /**
   * The latest parse of each application document, whatever its version or generation: the next
   * version's parse reuses its unchanged parts (incremental reparse; the result is the same).
   */
  private readonly parses = new Map<string, ParsedDocument>();
  private generation = 0;

  constructor(private readonly optionsFor: OptionsFor) {}

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
        : validateSafelyWith(text, this.withPrevious(document.uri, this.optionsFor(document.uri)));
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
  }

  /** Forgets one document (closed). */
  delete(uri: string): void {
    this.entries.delete(uri);
    this.parses.delete(uri);
  }

  private withPrevious(uri: string, options: ValidateOptions): ValidateOptions {
    const previous = this.parses.get(uri);
    return previous === undefined ? options : { ...options, previous };
  }
}
