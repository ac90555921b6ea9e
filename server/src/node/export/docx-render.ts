/**
 * Renders a DocumentSpec of the export model as a Word file with the npm `docx` package: A4 portrait,
 * 宋体 (SimSun, set for East Asian text, language zh-CN, font table with substitution hints) body at
 * 小四, 黑体 headings, bordered tables with shaded label cells and rows that do not split, page
 * numbers "第 X 页 共 Y 页" in the footer, the network diagram as native drawing shapes
 * (diagram-shapes.ts) — on a landscape page of its own when it is wide —, a one-page letter set
 * tighter, room to sign and seal, Latin words (credit codes, file names) not broken, and for a draft a red "草稿" line in every page header plus a diagonal "草稿"
 * watermark (docx TextWatermark, Word's own watermark shape). Owns the look; the content is the
 * core's.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Block, DocumentSpec, FieldRow, TableColumn } from '../../core/export/types';
import { DRAFT_MARK, NOT_GIVEN } from '../../core/export/types';
import type { DiagramLayout } from './diagram-layout';
import { diagramShapeGroup } from './diagram-shapes';
import { zipDocxParts, type DocxParts } from './docx-zip';
import { stableParts } from './docx-stable';
import { fontTableXml } from './font-table';

/** A4 in twips and the margins (2.5 cm top/bottom, 2.8 cm left/right). */
const PAGE = { width: 11906, height: 16838, top: 1418, bottom: 1418, left: 1588, right: 1588 } as const;
export const CONTENT_WIDTH_TWIPS = PAGE.width - PAGE.left - PAGE.right;
/** The content width in pixels at 96 dpi (1 px = 15 twips). */
export const CONTENT_WIDTH_PX = Math.floor(CONTENT_WIDTH_TWIPS / 15);

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };
/** Half-points: 小四 = 12 pt, 五号 = 10.5 pt, 四号 = 14 pt, 小二 = 18 pt. */
const SIZE = { body: 24, table: 21, note: 18, heading1: 28, heading2: 24, title: 36, subtitle: 24 } as const;

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const TABLE_BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
} as const;
const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } as const;
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;

/** The content width and height of a landscape A4 page in pixels. */
const LANDSCAPE_CONTENT_WIDTH_PX = Math.floor((PAGE.height - PAGE.left - PAGE.right) / 15);
/** The largest height the diagram is drawn at: in portrait two thirds of the page, in landscape the page less its heading, caption and a draft's second header line. */
const DIAGRAM_MAX_HEIGHT_PX = 620;
const LANDSCAPE_DIAGRAM_MAX_HEIGHT_PX = Math.floor((PAGE.width - PAGE.top - PAGE.bottom) / 15) - 130;

/** How the diagram is drawn: its scale (1 = the layout's pixels) and whether its page turns landscape. */
export interface DiagramPlacement {
  readonly scale: number;
  readonly landscape: boolean;
}

/**
 * Portrait at up to full size; a landscape page of its own when portrait would shrink the diagram
 * below 80 % and landscape draws it at least a tenth bigger (wide distributed topologies).
 */
export function placeDiagram(layout: DiagramLayout): DiagramPlacement {
  const portrait = Math.min(1, CONTENT_WIDTH_PX / layout.width, DIAGRAM_MAX_HEIGHT_PX / layout.height);
  const landscape = Math.min(1, LANDSCAPE_CONTENT_WIDTH_PX / layout.width, LANDSCAPE_DIAGRAM_MAX_HEIGHT_PX / layout.height);
  if (portrait < 0.8 && landscape >= portrait * 1.1) return { scale: landscape, landscape: true };
  return { scale: portrait, landscape: false };
}

export interface RenderOptions {
  readonly draft: boolean;
  readonly diagram?: DiagramLayout;
  /** The applicant, for the page header. */
  readonly applicant: string;
  /** The export time: the document's creation and modification dates, and its ZIP entries'. */
  readonly now: Date;
}

/** Text runs of a multi-line text (one paragraph per line). */
function textParagraphs(
  text: string,
  options: {
    size?: number;
    bold?: boolean;
    alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
    /** What an empty text shows: "（未填写）" in form fields, nothing in data tables. */
    empty?: string;
  } = {},
): Paragraph[] {
  const lines = (text === '' ? (options.empty ?? NOT_GIVEN) : text).split(/\r?\n/);
  return lines.map(
    (line) =>
      new Paragraph({
        ...(options.alignment !== undefined ? { alignment: options.alignment } : {}),
        spacing: { before: 0, after: 0, line: 300, lineRule: LineRuleType.AUTO },
        wordWrap: true,
        children: [
          new TextRun({
            text: line,
            size: options.size ?? SIZE.table,
            ...(options.bold === true ? { bold: true } : {}),
            ...(line === NOT_GIVEN ? { color: '888888' } : {}),
          }),
        ],
      }),
  );
}

function twips(percent: number, total: number): number {
  return Math.round((percent / 100) * total);
}

function normalisedWidths(columns: readonly TableColumn[]): number[] {
  const sum = columns.reduce((s, c) => s + c.width, 0) || 1;
  return columns.map((c) => twips((c.width / sum) * 100, CONTENT_WIDTH_TWIPS));
}

function cell(
  paragraphs: Paragraph[],
  width: number,
  options: { shaded?: boolean } = {},
): TableCell {
  return new TableCell({
    children: paragraphs,
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.shaded === true ? { shading: LABEL_SHADING } : {}),
  });
}

function fieldsTable(rows: readonly FieldRow[]): Table {
  const widths = [twips(30, CONTENT_WIDTH_TWIPS), CONTENT_WIDTH_TWIPS - twips(30, CONTENT_WIDTH_TWIPS)];
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(textParagraphs(row.label, { bold: true }), widths[0]!, { shaded: true }),
            cell(textParagraphs(row.value), widths[1]!),
          ],
        }),
    ),
  });
}

function dataTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): Table {
  const widths = normalisedWidths(columns);
  const body = rows.length === 0 ? [columns.map((_, i) => (i === 0 ? NOT_GIVEN : ''))] : rows;
  // An empty table says so in its first cell.
  return new Table({
    width: { size: CONTENT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) =>
          cell(textParagraphs(c.title, { bold: true, alignment: AlignmentType.CENTER }), widths[i]!, { shaded: true }),
        ),
      }),
      ...body.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((_, i) => cell(textParagraphs(row[i] ?? '', { empty: '' }), widths[i]!)),
          }),
      ),
    ],
  });
}

/** Estimated width of body text (小四, 12 pt) in twips: CJK one em, other characters half. */
function textTwips(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 240 : 130;
  return width;
}

/** A small empty paragraph after a table, so consecutive tables do not merge. */
function gap(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 80 }, children: [] });
}

function blockChildren(block: Block, options: RenderOptions, compact: boolean): (Paragraph | Table)[] {
  const space = compact ? 20 : 60;
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: [new TextRun({ text: block.text })],
        }),
      ];
    case 'paragraph': {
      const style = block.style ?? 'plain';
      return block.text.split(/\r?\n/).map(
        (line) =>
          new Paragraph({
            spacing: { before: style === 'bold' ? 160 : space, after: space },
            wordWrap: true,
            ...(style === 'lead' ? { indent: { firstLine: 480 } } : {}),
            ...(style === 'bold' ? { keepNext: true } : {}),
            children: [
              new TextRun({
                text: line,
                ...(style === 'note' ? { size: SIZE.note, color: '555555' } : {}),
                ...(style === 'bold' ? { bold: true } : {}),
              }),
            ],
          }),
      );
    }
    case 'fields':
      return [fieldsTable(block.rows), gap()];
    case 'table':
      return [dataTable(block.columns, block.rows), gap()];
    case 'list':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            spacing: { before: compact ? 0 : 40, after: compact ? 0 : 40 },
            indent: { left: 480, hanging: 480 },
            wordWrap: true,
            children: [new TextRun({ text: `${block.numbered ? `${i + 1}.` : '•'}\t${item}` })],
            tabStops: [{ type: 'left', position: 480 }],
          }),
      );
    case 'diagram': {
      const layout = options.diagram;
      if (layout === undefined) return [];
      const { scale } = placeDiagram(layout);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            diagramShapeGroup(layout, { scale, draft: options.draft, altText: block.caption }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 160 },
          children: [new TextRun({ text: block.caption, size: SIZE.table, bold: true })],
        }),
      ];
    }
    case 'signature': {
      // Lines start at a common left edge, as far right as the longest line allows.
      const longest = Math.max(...block.lines.map((l) => textTwips(`${l.label}：${l.value}`)));
      const left = Math.max(0, Math.min(Math.round(CONTENT_WIDTH_TWIPS * 0.5), CONTENT_WIDTH_TWIPS - longest - 240));
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { left },
            // Room to sign by hand between the lines, and for the seal over the applicant's line.
            spacing: { before: i === 0 ? 480 : 240, after: 0 },
            keepNext: i < block.lines.length - 1,
            children: [new TextRun({ text: `${line.label}：${line.value}` })],
          }),
      );
    }
  }
}

function header(spec: DocumentSpec, options: RenderOptions): Header {
  const children: Paragraph[] = [];
  if (options.draft) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextWatermark({
            text: DRAFT_MARK,
            font: 'SimHei',
            color: 'FF0000',
            opacity: 0.25,
            layout: 'diagonal',
          }),
          new TextRun({
            text: `${DRAFT_MARK} / DRAFT —— 存在未解决的错误，不得提交`,
            bold: true,
            color: 'C00000',
            size: SIZE.note,
          }),
        ],
      }),
    );
  }
  if (spec.headerNote !== undefined) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: spec.headerNote, color: 'C00000', size: SIZE.note, bold: true })],
      }),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 1 } },
      children: [
        new TextRun({
          text: [options.applicant, spec.title].filter((s) => s !== '').join(' · '),
          size: SIZE.note,
          color: '666666',
        }),
      ],
    }),
  );
  return new Header({ children });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SIZE.note,
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
          }),
        ],
      }),
    ],
  });
}

/** The Word document of a spec. */
export function buildDocx(spec: DocumentSpec, options: RenderOptions): Document {
  const titleBlock: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: spec.subtitle === undefined ? 360 : 120 },
      children: [new TextRun({ text: spec.title })],
    }),
  ];
  if (spec.subtitle !== undefined && spec.subtitle !== '') {
    titleBlock.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 360 },
        children: [new TextRun({ text: spec.subtitle, size: SIZE.subtitle })],
      }),
    );
  }
  const line = spec.onePage === true ? 288 : 360;
  const headers = (): { default: Header } => ({ default: header(spec, options) });
  const section = (children: (Paragraph | Table)[], landscape: boolean) => ({
    properties: {
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 851 },
      },
    },
    headers: headers(),
    footers: { default: footer() },
    children,
  });
  const body = (blocks: readonly Block[]): (Paragraph | Table)[] => blocks.flatMap((block) => blockChildren(block, options, spec.onePage === true));
  // A wide diagram gets a landscape section of its own, with the heading just before it.
  const at = spec.blocks.findIndex((b) => b.kind === 'diagram');
  const landscape = at >= 0 && options.diagram !== undefined && placeDiagram(options.diagram).landscape;
  const start = landscape && at > 0 && spec.blocks[at - 1]?.kind === 'heading' ? at - 1 : at;
  const sections = landscape
    ? [
        section([...titleBlock, ...body(spec.blocks.slice(0, start))], false),
        section(body(spec.blocks.slice(start, at + 1)), true),
        section(body(spec.blocks.slice(at + 1)), false),
      ]
    : [section([...titleBlock, ...body(spec.blocks)], false)];
  return new Document({
    creator: 'miit95',
    title: spec.title,
    description: options.draft ? `${DRAFT_MARK} / draft` : spec.title,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          // lineRule must be explicit: LibreOffice reads a bare w:line as an exact height, which clips images.
          paragraph: { spacing: { line, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: HEADING_FONT, size: SIZE.title, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        heading1: {
          run: { font: HEADING_FONT, size: SIZE.heading1, bold: true, color: '000000' },
          paragraph: { spacing: { before: 320, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: SIZE.heading2, bold: true, color: '000000' },
          paragraph: { spacing: { before: 200, after: 120 }, keepNext: true },
        },
      },
    },
    sections,
  });
}

interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): DocxParts;
}

/** docx's compiler (Packer's own, not exported by docx): the parts before docx zips them. */
function docxCompiler(): DocxCompiler | undefined {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  return typeof compiler === 'object' && compiler !== null && typeof Reflect.get(compiler, 'compile') === 'function'
    ? (compiler as DocxCompiler)
    : undefined;
}

/** The .docx bytes of a spec: the same bytes for the same spec, options and export time. */
export async function renderDocx(spec: DocumentSpec, options: RenderOptions): Promise<Buffer> {
  // docx writes an empty font table; this one names the Chinese fonts' kinds for substitution.
  const overrides = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  const document = buildDocx(spec, options);
  // Zipped with Node's native zlib (docx-zip.ts); through docx's Packer should its compiler change
  // (the dates are then docx's own).
  const compiler = docxCompiler();
  if (compiler === undefined) return Packer.toBuffer(document, false, overrides);
  return zipDocxParts(stableParts(compiler.compile(document, undefined, overrides), options.now), options.now);
}
