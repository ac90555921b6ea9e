/**
 * The contract between the completion engine (completion.ts) and the value providers beside the data
 * they draw from (data/*-completions.ts, checks/*-completions.ts, features/*-completions.ts): what a
 * provider is given, what it returns (candidates before filtering, ranking and insertion text), and
 * the one helper several of them share. The registry is value-providers.ts.
 */
import type { DataPath, Locale } from '../types';
import { getArray } from '../document/data-access';
import type { LinkResolver } from './field-docs';
import type { FieldInfo } from './schema-info';

/** What kind of thing an item inserts (the handler maps it to an LSP CompletionItemKind). */
export type CompletionItemKind =
  'section' | 'property' | 'snippet' | 'enum' | 'value' | 'reference' | 'constant';

/** What a provider reads: the document's data, the locale, today and the documentation links. */
export interface CompletionContext {
  readonly data: unknown;
  readonly locale: Locale;
  readonly today?: string;
  readonly linkFor?: LinkResolver;
}

/** A value candidate before filtering, ranking and insertion text. */
export interface ValueCandidate {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly bucket: number;
  readonly description?: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert; the label when absent. */
  readonly insertText?: string;
  readonly snippet?: boolean;
  readonly filterText?: string;
  readonly retrigger?: boolean;
  /** Insert as written, never quoted (booleans, numbers, the format version). */
  readonly literal?: boolean;
}

/** The candidates for the field at `path` (its pattern and schema information given). */
export type ValueProvider = (
  path: DataPath,
  pattern: string,
  info: FieldInfo,
  context: CompletionContext,
) => ValueCandidate[];

/** The other items of the list that holds `path` (when `path` is a list item), as strings. */
export function siblingValues(data: unknown, path: DataPath): string[] {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return [];
  return getArray(data, path.slice(0, -1))
    .filter((_, i) => i !== index)
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))
    .filter((v) => v !== '');
}
