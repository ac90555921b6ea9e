/**
 * The `miit95/feePreview` request: the fee model (core/fees/model.ts) of an open document, computed
 * from the document's one analysis (AnalysisCache: findings and parsed value, nothing parsed twice),
 * plus the editor location of every data path the model refers to, so that the preview can reveal
 * the line a figure comes from. The request's wire types are in editor-protocol.ts.
 */
import { locate } from '../core';
import { computeFeeModel } from '../core/fees/model';
import { modelPaths, pathKey } from '../core/fees/paths';
import type { FeePreviewResult, FeeRange } from '../editor-protocol';
import type { AnalysisCache, DocumentSnapshot } from '../lsp/analysis';

/**
 * The fee preview of `document` as of `today` (the host's date, as the date rules use it), or null when
 * the server does not have it open or it is a `.miit95.yaml` configuration file.
 */
export function feePreview(
  document: DocumentSnapshot | undefined,
  analyses: AnalysisCache,
  today: string,
): FeePreviewResult | null {
  if (document === undefined) return null;
  const analysis = analyses.get(document);
  if (analysis.kind === 'config') return null;
  const parsed = analysis.result?.document;
  const model = computeFeeModel({
    value: parsed?.hasRoot ? parsed.value : undefined,
    findings: analysis.findings,
    today,
  });
  const toRange = (start: number, end: number): FeeRange => ({
    start: analysis.lines.positionAt(start),
    end: analysis.lines.positionAt(Math.max(start, end)),
  });
  const locations: Record<string, FeeRange> = {};
  // A blocking finding's own range is the most precise place to show for its path.
  for (const b of model.blocking) locations[pathKey(b.path)] ??= toRange(b.range.start, b.range.end);
  if (parsed !== undefined) {
    for (const p of modelPaths(model)) {
      const key = pathKey(p);
      if (locations[key] !== undefined) continue;
      const { range } = locate(parsed, p, 'value');
      locations[key] = toRange(range.start, range.end);
    }
  }
  return { uri: document.uri, version: document.version, model, locations };
}
