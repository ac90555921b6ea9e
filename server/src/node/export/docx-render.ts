/**
 * Renders a DocumentSpec of the export model as a Word file with the npm `docx` package: A4 portrait,
 * 宋体 (SimSun, set for East Asian text) body at 小四, 黑体 headings, bordered tables with shaded
 * label cells, page numbers "第 X 页 共 Y 页" in the footer, the network diagram as native drawing
 * shapes (diagram-shapes.ts), and for a draft a red "草稿" line in every page header plus a diagonal "草稿"
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
import type { Block, DocumentSpec, FieldRow, TableColumn } from '../../core/export';
import { DRAFT_MARK, NOT_GIVEN } from '../../core/export';
import type { DiagramLayout } from './diagram-layout';
import { diagramShapeGroup } from './diagram-shapes';

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

/** The laid-out diagram and the scale it is drawn at in the document (1 = the layout's pixels). */
export interface DiagramDrawing {
  readonly layout: DiagramLayout;
  readonly scale: number;
}

export interface RenderOptions {
  readonly draft: boolean;
  readonly diagram?: DiagramDrawing;
  /** The applicant, for the page header. */
  readonly applicant: string;
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

function blockChildren(block: Block, options: RenderOptions): (Paragraph | Table)[] {
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
            spacing: { before: style === 'bold' ? 160 : 60, after: 60 },
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
            spacing: { before: 40, after: 40 },
            indent: { left: 480, hanging: 480 },
            children: [new TextRun({ text: `${block.numbered ? `${i + 1}.` : '•'}\t${item}` })],
            tabStops: [{ type: 'left', position: 480 }],
          }),
      );
    case 'diagram': {
      const drawing = options.diagram;
      if (drawing === undefined) return [];
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            diagramShapeGroup(drawing.layout, { scale: drawing.scale, draft: options.draft, altText: block.caption }),
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
            spacing: { before: i === 0 ? 360 : 120, after: 0 },
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
  return new Document({
    creator: 'miit95',
    title: spec.title,
    description: options.draft ? `${DRAFT_MARK} / draft` : spec.title,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.body },
          // lineRule must be explicit: LibreOffice reads a bare w:line as an exact height, which clips images.
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
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
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 851 },
          },
        },
        headers: { default: header(spec, options) },
        footers: { default: footer() },
        children: [...titleBlock, ...spec.blocks.flatMap((block) => blockChildren(block, options))],
      },
    ],
  });
}

/** The .docx bytes of a spec. */
export async function renderDocx(spec: DocumentSpec, options: RenderOptions): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(spec, options));
}
