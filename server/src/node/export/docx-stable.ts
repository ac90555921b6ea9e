/**
 * Makes the compiled parts of a Word file depend on its content and the export time only, not on
 * when or after what it was rendered, so that the same application gives the same bytes — in the
 * one-shot CLI and in the long-lived language server alike. docx dates docProps/core.xml by its own
 * clock, and draws every drawing id (`wp:docPr`, `wps:cNvPr`, `wpg:cNvPr`, which Word needs unique
 * in a document) from one counter for the whole process, naming shapes after them ("Rectangle 57"):
 * here the dates become the export time and the ids are numbered again from 1 in the order they
 * appear, names and connector references (`a:stCxn`, `a:endCxn`) following. A draft's watermark
 * (a VML shape in the header) gets a random id from docx (`PowerPlusWaterMarkObject<random>`): it is
 * numbered likewise.
 */
import type { DocxParts } from './docx-zip';

const CORE_PROPERTIES = 'docProps/core.xml';
const DATES = /(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:(?:created|modified)>)/g;
/** A drawing's or shape's id-carrying element: its tag name, the text before the id, the id, the rest. */
const DRAWING_ID = /<(wp:docPr|wps:cNvPr|wpg:cNvPr)(\s[^>]*?)?\sid="(\d+)"([^>]*)>/g;
const CONNECTION = /<(a:stCxn|a:endCxn)(\s[^>]*?)?\sid="(\d+)"([^>]*)>/g;
/** docx's watermark id: the prefix Word uses, then a random nanoid. */
const WATERMARK_ID = /PowerPlusWaterMarkObject([A-Za-z0-9_-]+)/g;

/** The new number of `old`: the next one (1, 2, …) the first time `numbers` sees it, the same one after. */
function numberOf(numbers: Map<string, string>, old: string): string {
  let id = numbers.get(old);
  if (id === undefined) {
    id = String(numbers.size + 1);
    numbers.set(old, id);
  }
  return id;
}

/** docx's shape name: what the shape is, then its id ("Rectangle 57"). */
const NAME_WITH_ID = /(\sname="[^"]*) (\d+)"/;

function renumber(xml: string, ids: Map<string, string>): string {
  const withIds = xml.replace(DRAWING_ID, (_, tag: string, before: string | undefined, old: string, after: string) => {
    const id = numberOf(ids, old);
    // The name follows the new id when it ends with the old one.
    const rename = (attributes: string): string =>
      attributes.replace(NAME_WITH_ID, (name: string, head: string, n: string) => (n === old ? `${head} ${id}"` : name));
    return `<${tag}${rename(before ?? '')} id="${id}"${rename(after)}>`;
  });
  return withIds.replace(CONNECTION, (_, tag: string, before: string | undefined, old: string, after: string) => {
    return `<${tag}${before ?? ''} id="${ids.get(old) ?? old}"${after}>`;
  });
}

/** The parts dated `now`, their drawing and watermark ids numbered from 1 across the whole document. */
export function stableParts(parts: DocxParts, now: Date): DocxParts {
  const stamp = now.toISOString();
  const drawingIds = new Map<string, string>();
  const watermarkIds = new Map<string, string>();
  const out = new Map<string, string | Uint8Array>();
  for (const [name, data] of parts) {
    if (typeof data !== 'string' || !name.endsWith('.xml')) out.set(name, data);
    else if (name === CORE_PROPERTIES) out.set(name, data.replace(DATES, (_, open: string, close: string) => `${open}${stamp}${close}`));
    else {
      const drawn = data.includes('cNvPr') || data.includes('docPr') ? renumber(data, drawingIds) : data;
      out.set(
        name,
        drawn.includes('PowerPlusWaterMarkObject')
          ? drawn.replace(WATERMARK_ID, (_, old: string) => `PowerPlusWaterMarkObject${numberOf(watermarkIds, old)}`)
          : drawn,
      );
    }
  }
  return out;
}
