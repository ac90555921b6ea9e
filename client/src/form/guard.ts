/**
 * Shape checks on the form webview's messages, which are untrusted input: only the known shapes
 * pass (paths of strings and numbers, scalar values, positions of integers). Free of `vscode`.
 */
import type { FromWebview } from './protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPath(value: unknown): boolean {
  return Array.isArray(value) && value.length <= 64 && value.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0));
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isIndex(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isEdit(edit: unknown): boolean {
  if (!isRecord(edit) || !isPath(edit['path'])) return false;
  switch (edit['kind']) {
    case 'set':
      return isScalar(edit['value']);
    case 'addProperty':
      return typeof edit['key'] === 'string' && edit['key'] !== '';
    case 'addItem':
    case 'remove':
      return true;
    case 'move':
      return isIndex(edit['from']) && isIndex(edit['to']);
    case 'fix':
      return typeof edit['code'] === 'string' && isIndex(edit['index']);
    default:
      return false;
  }
}

export function isFromFormWebview(message: unknown): message is FromWebview {
  if (!isRecord(message)) return false;
  switch (message['type']) {
    case 'ready':
      return true;
    case 'edit':
      return isIndex(message['version']) && isEdit(message['edit']);
    case 'reveal': {
      const at = message['at'];
      return isRecord(at) && isIndex(at['line']) && isIndex(at['character']);
    }
    case 'rendered':
      return isRecord(message['summary']);
    default:
      return false;
  }
}
