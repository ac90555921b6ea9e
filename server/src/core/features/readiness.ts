/**
 * Readiness of an application: which of the seed's 12 materials are complete, and the error and
 * warning counts, for the readiness lens. A material (the catalogue of export/materials.ts: data
 * paths per material, docs/format.md) is complete when every path it requires is present and no
 * error finding lies inside any of its paths — by `data.path`, or, for findings without a path such
 * as YAML syntax errors, by the text range of the section. Pure: findings and the parsed document
 * in, counts out.
 */
import { isNode } from 'yaml';
import { walkPath } from '../document/locate';
import type { ParsedDocument } from '../document/parse';
import { MATERIALS as EXPORT_MATERIALS } from '../export/materials';
import type { DataPath, Finding, LocalizedText } from '../types';

/** One of the 12 materials of an application. */
export interface Material {
  /** 1–12, as numbered in the seed and the format documentation. */
  readonly number: number;
  readonly title: LocalizedText;
  /** The data paths that make up the material: an error inside any of them makes it incomplete. */
  readonly paths: readonly DataPath[];
  /** The paths that must be present (non-empty) for the material to count as written. */
  readonly required: readonly DataPath[];
}

/**
 * The 12 materials and where each lives in the file: the one catalogue of the core
 * (export/materials.ts, also used by the export checklist), so that the lens and the exported
 * checklist always agree.
 */
export const MATERIALS: readonly Material[] = EXPORT_MATERIALS.map((m) => ({
  number: m.number,
  title: m.title,
  paths: m.paths,
  required: m.presence,
}));

export interface MaterialStatus {
  readonly material: Material;
  /** Every required path is present. */
  readonly present: boolean;
  /** Error findings inside the material's paths. */
  readonly errors: number;
  /** Present and without errors. */
  readonly complete: boolean;
}

export interface Readiness {
  readonly materials: readonly MaterialStatus[];
  /** How many materials are complete. */
  readonly complete: number;
  /** Always 12. */
  readonly total: number;
  /** Error and warning findings of the whole document. */
  readonly errors: number;
  readonly warnings: number;
}

/** True when `path` starts with `prefix`. */
export function startsWith(path: DataPath, prefix: DataPath): boolean {
  if (path.length < prefix.length) return false;
  return prefix.every((segment, i) => String(segment) === String(path[i]));
}

function valueAt(value: unknown, path: DataPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

/** Written: not absent, not null, not an empty string or list (as the export checklist counts it). */
function isPresent(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** The text range of a path's key and value, for findings that carry no path. */
function pathSpan(document: ParsedDocument, path: DataPath): { start: number; end: number } | undefined {
  const walk = walkPath(document.yaml, path);
  if (walk.found.length !== path.length) return undefined;
  const key = walk.pair?.key;
  const start = isNode(key) ? key.range?.[0] : walk.node?.range?.[0];
  const end = walk.node?.range?.[2] ?? (isNode(key) ? key.range?.[2] : undefined);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * The readiness of a document from its findings. Without a parsed document (or with an empty one)
 * nothing is present, so no material is complete.
 */
export function readiness(findings: readonly Finding[], document: ParsedDocument | undefined): Readiness {
  const value = document?.hasRoot === true ? document.value : undefined;
  const errorsOf = findings.filter((f) => f.severity === 'error');
  const materials = MATERIALS.map((material): MaterialStatus => {
    const present = material.required.every((path) => isPresent(valueAt(value, path)));
    const spans =
      document === undefined
        ? []
        : material.paths.flatMap((path) => {
            const span = pathSpan(document, path);
            return span === undefined ? [] : [span];
          });
    const errors = errorsOf.filter((f) =>
      f.data.path.length > 0
        ? material.paths.some((path) => startsWith(f.data.path, path))
        : spans.some((span) => f.range.start >= span.start && f.range.start < span.end),
    ).length;
    return { material, present, errors, complete: present && errors === 0 };
  });
  return {
    materials,
    complete: materials.filter((m) => m.complete).length,
    total: MATERIALS.length,
    errors: errorsOf.length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
