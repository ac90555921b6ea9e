/**
 * Builds the export model of one application: application data + findings + suppressions +
 * versions + what became of the attachments → the documents' content, the checklist, the diagram
 * graph, the findings that block a final export and the manifest (without the file hashes, which
 * the writer adds). Pure; the same engine for the CLI and the editor.
 */
import { LineIndex } from '../document/line-index';
import type { Suppression } from '../suppressions';
import type { Finding } from '../types';
import { applicationForm } from './application-form';
import { attachmentFinding, buildChecklist, checklistMarkdown } from './checklist';
import { buildDiagram } from './diagram';
import { at, str, strings } from './format';
import { pledgeLetter } from './pledge-letter';
import { technicalPlan } from './technical-plan';
import type {
  AttachmentOutcome,
  ExportFinding,
  ExportModel,
  ExportVersions,
  ManifestBase,
  ManifestFinding,
  ManifestSuppression,
} from './types';
import { PACKAGE_SUFFIX } from './types';

export interface ExportInput {
  /** The application text (for 1-based finding positions). */
  readonly text: string;
  /** The parsed data (`ParsedDocument.value`). */
  readonly app: unknown;
  /** The findings after suppressions, as `validate` returns them. */
  readonly findings: readonly Finding[];
  readonly suppressions: readonly Suppression[];
  /** The application's file name (`杭州云声.app95.yaml`). */
  readonly fileName: string;
  /** SHA-256 (hex) of the application file. */
  readonly sha256: string;
  /** Every attachment path of the application and what became of it. */
  readonly attachments: readonly AttachmentOutcome[];
  readonly draft: boolean;
  /** ISO 8601 time of the export. */
  readonly generatedAt: string;
  readonly versions: ExportVersions;
}

/** `杭州云声.app95.yaml` → `杭州云声`; the applicant's name when the file name says nothing. */
export function packageBaseName(fileName: string, applicant: string): string {
  const base = fileName.replace(/\.app95\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  // Characters that are not allowed in file names on Windows or that separate paths.
  const safe = (s: string): string =>
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80);
  return safe(base) || safe(applicant) || 'application';
}

function manifestFinding(finding: Finding, lines: LineIndex): ManifestFinding {
  const position = lines.positionAt(finding.range.start);
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    line: position.line + 1,
    column: position.character + 1,
    path: finding.data.path.map(String).join('.'),
  };
}

function exportAsManifestFinding(finding: ExportFinding): ManifestFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    line: 0,
    column: 0,
    path: finding.path.map(String).join('.'),
  };
}

function manifestSuppression(s: Suppression): ManifestSuppression {
  return {
    rule: s.rule,
    reason: s.reason,
    line: s.line,
    scope: s.scope,
    ...(s.targetLine !== undefined ? { targetLine: s.targetLine } : {}),
    used: s.used,
    count: s.count,
  };
}

export function buildExportModel(input: ExportInput): ExportModel {
  const { app } = input;
  const lines = new LineIndex(input.text);
  const exportFindings = input.attachments
    .map(attachmentFinding)
    .filter((f): f is ExportFinding => f !== undefined);
  const applicationDate = str(at(app, 'application', 'date')) || undefined;
  const checklist = buildChecklist(app, applicationDate, input.findings, exportFindings, input.attachments);
  const diagram = buildDiagram(app);
  const findings = input.findings.map((f) => manifestFinding(f, lines));
  const blocking = [
    ...findings.filter((f) => f.severity === 'error'),
    ...exportFindings.filter((f) => f.severity === 'error').map(exportAsManifestFinding),
  ];
  const applicant = str(at(app, 'applicant', 'name'));
  const numbers = strings(at(app, 'number', 'candidates'));
  const manifest: ManifestBase = {
    format: 'miit95-export/1',
    generatedAt: input.generatedAt,
    draft: input.draft,
    tool: { name: 'miit95', version: input.versions.tool },
    schema: { apiVersion: str(at(app, 'apiVersion')), id: input.versions.schemaId },
    rulePack: input.versions.rulePack,
    application: { file: input.fileName, sha256: input.sha256, applicant, numbers },
    findings,
    exportFindings,
    suppressions: input.suppressions.map(manifestSuppression),
    attachments: input.attachments,
  };
  return {
    draft: input.draft,
    packageName: `${packageBaseName(input.fileName, applicant)}${PACKAGE_SUFFIX}`,
    documents: [applicationForm(app, checklist), technicalPlan(app, diagram), pledgeLetter(app)],
    diagram,
    checklist,
    checklistMarkdown: checklistMarkdown({
      checklist,
      applicant,
      numbers,
      generatedAt: input.generatedAt,
      rulePack: input.versions.rulePack,
      draft: input.draft,
      findings,
      exportFindings,
    }),
    blocking,
    exportFindings,
    manifest,
  };
}
