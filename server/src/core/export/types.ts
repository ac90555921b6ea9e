/**
 * Types of the export model: what the submission package says, independent of how it is written.
 * The core builds these from the application data, the findings and the suppressions; the node-side
 * writer (server/src/node/export/) turns documents into .docx, the diagram graph into SVG/PNG, and
 * writes the checklist, the manifest and the attachments. Owns no behaviour.
 */
import type { DataPath, LocalizedText, Severity } from '../types';

/** A row of a form table: a label and its value (`''` renders as "（未填写）"). */
export interface FieldRow {
  readonly label: string;
  readonly value: string;
}

/** A column of a data table; `width` is a share of the table width in percent. */
export interface TableColumn {
  readonly title: string;
  readonly width: number;
}

/** One block of a document's body, in reading order. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      /** `note`: small grey text; `lead`: first-line indent (body prose); `plain` otherwise. */
      readonly style?: 'plain' | 'lead' | 'note' | 'bold';
    }
  /** A two-column form table: label cell (shaded) and value cell. */
  | { readonly kind: 'fields'; readonly rows: readonly FieldRow[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly numbered: boolean }
  /** The network organisation diagram, as an image, with its caption. */
  | { readonly kind: 'diagram'; readonly caption: string }
  /** A right-aligned signature block (label: value lines), e.g. "申请单位（盖章）：…". */
  | { readonly kind: 'signature'; readonly lines: readonly FieldRow[] };

/** The documents of the package that are written as Word files. */
export type DocumentId = 'application-form' | 'technical-plan' | 'pledge';

/** One Word document of the package. */
export interface DocumentSpec {
  readonly id: DocumentId;
  /** The file name in the package, e.g. `申请表.docx`. */
  readonly fileName: string;
  readonly title: string;
  /** A line under the title (applicant, date). */
  readonly subtitle?: string;
  /** A note printed in the page header of every page (besides the draft mark). */
  readonly headerNote?: string;
  /** A letter to sign and seal, meant to print on one page (set with tighter line spacing). */
  readonly onePage?: boolean;
  readonly blocks: readonly Block[];
}

/** How an attachment fared when the package was put together (decided node-side). */
export type AttachmentStatus =
  | 'copied'
  /** Absolute, `..` escape, or a symlink resolving outside the application's folder tree: never read. */
  | 'outside'
  | 'missing'
  /** The path names a folder or a special file. */
  | 'not-a-file'
  | 'too-big'
  /** Not copied because the workspace is not trusted (VS Code restricted mode). */
  | 'skipped-untrusted'
  | 'unreadable';

/** One attachment path of the application and what became of it. */
export interface AttachmentOutcome {
  /** The data path of the field (`['licence', 'files', 0]`). */
  readonly path: DataPath;
  /** The path as written in the application. */
  readonly written: string;
  readonly status: AttachmentStatus;
  /** Where it is in the package (`附件/营业执照.pdf`), when copied. */
  readonly packagePath?: string;
  /** Size in bytes, when copied. */
  readonly bytes?: number;
}

/** A problem of the export itself (an attachment not copied), listed like a finding. */
export interface ExportFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: LocalizedText;
  readonly path: DataPath;
}

export type MaterialStatus = 'complete' | 'errors' | 'missing';

/** One of the 12 materials in the checklist. */
export interface MaterialEntry {
  /** 1–12. */
  readonly number: number;
  readonly title: LocalizedText;
  readonly status: MaterialStatus;
  /** Error and warning findings about this material (after suppressions). */
  readonly errors: number;
  readonly warnings: number;
  /** The codes of its error findings (rule IDs), for the checklist. */
  readonly errorCodes: readonly string[];
  /** Where the material is in the package (the document file name). */
  readonly document: string;
  /** Attachments of this material: package path when copied, else the written path and why not. */
  readonly attachments: readonly AttachmentOutcome[];
}

/** A duty after approval or a process fact, from the reminder entries of the catalogue. */
export interface DutyEntry {
  /** The reminder's catalogue ID (R-ANNUAL-001 …). */
  readonly id: string;
  readonly text: LocalizedText;
  /** True for a confirmation the author ticks (R-DOCS-002). */
  readonly confirmation: boolean;
}

export interface Checklist {
  readonly materials: readonly MaterialEntry[];
  /** Attachments that belong to no material (e.g. the outbound pledge). */
  readonly otherAttachments: readonly AttachmentOutcome[];
  readonly duties: readonly DutyEntry[];
  /** The expected decision date (R-PROCESS-001), `YYYY-MM-DD`, and the extended one. */
  readonly expectedDecision?: { readonly from: string; readonly date: string; readonly extended: string };
}

export type DiagramNodeKind = 'users' | 'carrier' | 'transit' | 'gateway' | 'site';

/** A node of the network organisation diagram. */
export interface DiagramNode {
  /** A stable internal id (`n1` …), safe in XML and for dagre. */
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** The number shown on the node and in the legend (1-based). */
  readonly number: number;
  readonly label: string;
  /** Smaller lines under the label (place, seats …). */
  readonly details: readonly string[];
  /** The id in the application (`hz-main`, `ct-hz`), when there is one. */
  readonly ref?: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** Shown on the edge (signalling and trunks). */
  readonly label?: string;
}

export interface DiagramGraph {
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** A finding as the manifest lists it: both languages, 1-based position. */
export interface ManifestFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: LocalizedText;
  readonly line: number;
  readonly column: number;
  readonly path: string;
}

export interface ManifestSuppression {
  readonly rule: string;
  readonly reason: string;
  readonly line: number;
  readonly scope: string;
  readonly targetLine?: number;
  readonly used: boolean;
  readonly count: number;
}

/** The versions an export records. */
export interface ExportVersions {
  readonly tool: string;
  readonly rulePack: string;
  readonly schemaId: string;
}

/** The manifest without the file list (the writer adds the files and their hashes). */
export interface ManifestBase {
  readonly format: 'miit95-export/1';
  readonly generatedAt: string;
  readonly draft: boolean;
  readonly tool: { readonly name: 'miit95'; readonly version: string };
  readonly schema: { readonly apiVersion: string; readonly id: string };
  readonly rulePack: string;
  readonly application: {
    readonly file: string;
    readonly sha256: string;
    readonly applicant: string;
    readonly numbers: readonly string[];
  };
  readonly findings: readonly ManifestFinding[];
  readonly exportFindings: readonly ExportFinding[];
  readonly suppressions: readonly ManifestSuppression[];
  readonly attachments: readonly AttachmentOutcome[];
}

/** One file of the package with its SHA-256. */
export interface ManifestFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface Manifest extends ManifestBase {
  readonly files: readonly ManifestFile[];
}

/** A package written: where it is, its manifest, and what the user should know about it. */
export interface PackageWritten {
  readonly status: 'written';
  /** The package folder or ZIP file (absolute path). */
  readonly target: string;
  readonly manifest: Manifest;
  /** E.g. the PNG of the diagram left out, and why; both languages. */
  readonly notes: readonly LocalizedText[];
}

/** Everything the writer needs. */
export interface ExportModel {
  readonly draft: boolean;
  /** The package folder name, `<name>-申报材料`. */
  readonly packageName: string;
  readonly documents: readonly DocumentSpec[];
  readonly diagram: DiagramGraph;
  readonly checklist: Checklist;
  readonly checklistMarkdown: string;
  /** Error findings and export errors that stop a final (non-draft) export. */
  readonly blocking: readonly ManifestFinding[];
  readonly exportFindings: readonly ExportFinding[];
  readonly manifest: ManifestBase;
}

/** File names of the package (shared by the writer, the checklist and the tests). */
export const PACKAGE_FILES = {
  applicationForm: '申请表.docx',
  technicalPlan: '技术方案.docx',
  pledge: '电话接入号码使用承诺书.docx',
  diagram: '网络组织方案图.svg',
  diagramPng: '网络组织方案图.png',
  checklist: '材料清单.md',
  manifest: 'manifest.json',
  attachmentsFolder: '附件',
} as const;

/** The suffix of the package folder: `<name>-申报材料`. */
export const PACKAGE_SUFFIX = '-申报材料';

/** The watermark text of a draft. */
export const DRAFT_MARK = '草稿';

/** What an empty form cell says. */
export const NOT_GIVEN = '（未填写）';

/** What each node kind is, for the legend. */
export const NODE_KIND_LABELS: Readonly<Record<DiagramNodeKind, string>> = {
  users: '主叫用户',
  carrier: '基础电信运营商网络',
  transit: '转接',
  gateway: '关口局 / 端局',
  site: '呼叫中心业务平台',
};
