/**
 * The editor features of the core (completion, hover, outline, folding) and what they share, for the
 * server's handlers and the tests. Everything here is pure: text, the parsed document and the
 * findings in; plain data and Markdown out.
 */
export { completionsAt } from './completion';
export type {
  CompletionItem as FeatureCompletionItem,
  CompletionItemKind as FeatureCompletionItemKind,
  CompletionResult,
  CompletionDocument,
  CompletionOptions,
} from './completion';
export { hoverAt, numberFacts } from './hover';
export type { HoverDocument, HoverOptions, HoverResult } from './hover';
export { documentSymbols, sectionName } from './symbols';
export type { OutlineSymbol, OutlineKind, OutlineDocument } from './symbols';
export { foldingRanges } from './folding';
export type { FoldRange, FoldingDocument } from './folding';
export { RULE_PATHS, rulesAt, rulesCovering, pathPattern } from './rule-paths';
export { fieldInfo } from './schema-info';
export type { FieldInfo, ValueType } from './schema-info';
export { cursorPosition, scanFlow } from './cursor';
export type { CursorPosition, ValuePosition, SlotPosition, FlowScan } from './cursor';
export { nodeAt } from './node-at';
export type { NodeTarget } from './node-at';
export type { LinkResolver } from './field-docs';
export { attachmentLinks } from './document-links';
export type { AttachmentLink, LinkDocument } from './document-links';
export { idOccurrences, idAt, definitionsAt, referencesAt } from './id-references';
export type { IdKind, IdOccurrence } from './id-references';
