/**
 * The one check of every request's params, before any handler runs: a table from method to the
 * shape its handler reads (a text document, a position, a range, a URI…). A request whose params do
 * not fit is answered InvalidParams (-32602) with a message in Chinese and English naming the
 * method and the field, instead of reaching a handler that would fail with an internal error and a
 * stack message. Methods without params (shutdown, miit95/rules…) accept anything and ignore it.
 * Which document is meant (open, a file URI or not) is the handlers' business: LSP defines an empty
 * answer for a document the server does not know. Applied by lsp/transport.ts to every message.
 */
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  InlayHintRequest,
  ReferencesRequest,
} from 'vscode-languageserver/node';
import { EXPORT_METHOD, FEE_PREVIEW_METHOD, FORM_EDIT_METHOD, FORM_MODEL_METHOD } from '../editor-protocol';

/** What is wrong with a value, as [Chinese, English] (undefined: nothing). */
type Problem = readonly [zh: string, en: string];
type Check = (value: unknown, at: string) => Problem | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const object =
  (fields: Readonly<Record<string, Check>>): Check =>
  (value, at) => {
    if (!isObject(value)) return [`${at} 应为对象`, `${at} must be an object`];
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(value[name], `${at}.${name}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

const string: Check = (value, at) =>
  typeof value === 'string' ? undefined : [`${at} 应为字符串`, `${at} must be a string`];

const integer: Check = (value, at) =>
  typeof value === 'number' && Number.isInteger(value) ? undefined : [`${at} 应为整数`, `${at} must be an integer`];

/** LSP's uinteger: lines and characters. */
const uinteger: Check = (value, at) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? undefined
    : [`${at} 应为非负整数`, `${at} must be a non-negative integer`];

const boolean: Check = (value, at) =>
  typeof value === 'boolean' ? undefined : [`${at} 应为布尔值`, `${at} must be a boolean`];

const array: Check = (value, at) => (Array.isArray(value) ? undefined : [`${at} 应为数组`, `${at} must be an array`]);

const optional =
  (check: Check): Check =>
  (value, at) =>
    value === undefined || value === null ? undefined : check(value, at);

const dataPath: Check = (value, at) =>
  Array.isArray(value) && value.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))
    ? undefined
    : [`${at} 应为由键名和下标组成的数组`, `${at} must be an array of keys and indexes`];

const scalar: Check = (value, at) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? undefined
    : [`${at} 应为字符串、数字、布尔值或 null`, `${at} must be a string, a number, a boolean or null`];

/** A form edit (core/form/types.ts FormEdit): its kind's own fields. */
const FORM_EDIT_FIELDS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  set: { path: dataPath, value: scalar },
  addProperty: { path: dataPath, key: string },
  addItem: { path: dataPath },
  remove: { path: dataPath },
  move: { path: dataPath, from: uinteger, to: uinteger },
  fix: { path: dataPath, code: string, index: uinteger },
};
const formEdit: Check = (value, at) => {
  const kind = isObject(value) ? value['kind'] : undefined;
  const fields = typeof kind === 'string' ? FORM_EDIT_FIELDS[kind] : undefined;
  if (fields === undefined) {
    const kinds = Object.keys(FORM_EDIT_FIELDS).join(', ');
    return [`${at}.kind 应为 ${kinds} 之一`, `${at}.kind must be one of ${kinds}`];
  }
  return object(fields)(value, at);
};

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });

const documentOnly = object({ textDocument });
const documentPosition = object({ textDocument, position });

/** The params each handled request's handler reads; a method not listed takes no params. */
export const PARAMS_SHAPES: Readonly<Record<string, Check>> = {
  [InitializeRequest.method]: object({ capabilities: object({}) }),
  [HoverRequest.method]: documentPosition,
  [CompletionRequest.method]: documentPosition,
  [DefinitionRequest.method]: documentPosition,
  [ReferencesRequest.method]: object({ textDocument, position, context: optional(object({})) }),
  [DocumentSymbolRequest.method]: documentOnly,
  [FoldingRangeRequest.method]: documentOnly,
  [DocumentLinkRequest.method]: documentOnly,
  [CodeLensRequest.method]: documentOnly,
  [InlayHintRequest.method]: object({ textDocument, range }),
  [CodeActionRequest.method]: object({ textDocument, range, context: object({ diagnostics: array }) }),
  [FEE_PREVIEW_METHOD]: object({ uri: string }),
  [FORM_MODEL_METHOD]: object({ uri: string }),
  [FORM_EDIT_METHOD]: object({ uri: string, version: integer, edit: formEdit }),
  [EXPORT_METHOD]: object({
    uri: string,
    outDir: string,
    zip: optional(boolean),
    draft: optional(boolean),
    overwrite: optional(boolean),
    trusted: boolean,
  }),
};

/**
 * Why the params of a `method` request cannot be handled, as one message in Chinese and English;
 * undefined when they fit (or the method takes none).
 */
export function invalidParams(method: string, params: unknown): string | undefined {
  const check = PARAMS_SHAPES[method];
  if (check === undefined) return undefined;
  const problem = params === undefined ? ['缺少 params', 'params are missing'] : check(params, 'params');
  if (problem === undefined) return undefined;
  const [zh, en] = problem;
  return `${method}：参数无效（${zh}）。Invalid params for ${method}: ${en}.`;
}
