/**
 * Completion values drawn from the schemas (beside schema-info.ts): a field's enum values with their
 * documentation, those already in the list left out; and true / false.
 */
import type { DataPath } from '../types';
import { enumDocs, fieldInfo, pick, type FieldInfo } from './schema-info';
import { siblingValues, type CompletionContext as Context, type ValueCandidate } from './value-provider';

export function enumCandidates(path: DataPath, info: FieldInfo, context: Context): ValueCandidate[] {
  // A list's values are documented on the list (`pledge.commitments`), a scalar's on itself.
  const owner = typeof path[path.length - 1] === 'number' ? fieldInfo(path.slice(0, -1)) : info;
  const docs = new Map([...enumDocs(owner, context.locale), ...enumDocs(info, context.locale)]);
  const fieldDoc = pick(owner.description, context.locale);
  const used = new Set(siblingValues(context.data, path));
  return info.enumValues
    .filter((v): v is string => typeof v === 'string')
    .filter((v) => !used.has(v))
    .map((v): ValueCandidate => {
      const doc = docs.get(v);
      return {
        label: v,
        kind: info.enumValues.length === 1 ? 'constant' : 'enum',
        bucket: 0,
        literal: info.enumValues.length === 1,
        ...(doc !== undefined ? { description: doc.length > 30 ? `${doc.slice(0, 29)}…` : doc } : {}),
        ...(doc !== undefined || fieldDoc !== undefined
          ? {
              documentation: [doc !== undefined ? `\`${v}\`: ${doc}` : undefined, fieldDoc]
                .filter((x) => x !== undefined)
                .join('\n\n'),
            }
          : {}),
      };
    });
}

/** The two booleans, as literals. */
export function booleanCandidates(): ValueCandidate[] {
  return ['true', 'false'].map((v, i) => ({ label: v, kind: 'constant', bucket: i, literal: true }));
}
