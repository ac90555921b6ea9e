/**
 * The font table (word/fontTable.xml) of the exported Word files: the Chinese fonts the documents
 * name — 宋体 (SimSun) for body text, 黑体 (SimHei) for headings and diagram labels — with their Chinese names, GB2312 character set, family and PANOSE numbers, so that
 * an office suite without the font (Word for Mac, WPS on Linux, LibreOffice) substitutes a Chinese
 * font of the same kind (a serif 宋体-like face for SimSun, a sans face for SimHei) instead of a
 * Japanese or Latin one; plus the Latin fonts. docx writes an empty table, this one replaces it.
 */

interface FontEntry {
  readonly name: string;
  /** The font's other name (the Chinese one for Chinese fonts). */
  readonly altName?: string;
  readonly panose: string;
  /** w:charset: 86 = GB2312, 00 = ANSI. */
  readonly charset: string;
  readonly family: 'roman' | 'swiss' | 'modern' | 'auto';
  readonly pitch: 'variable' | 'fixed';
}

export const FONTS: readonly FontEntry[] = [
  { name: 'SimSun', altName: '宋体', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: 'SimHei', altName: '黑体', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: 'Times New Roman', panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: 'Arial', panose: '020B0604020202020204', charset: '00', family: 'swiss', pitch: 'variable' },
];

/** The fontTable.xml part. */
export function fontTableXml(): string {
  const fonts = FONTS.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName === undefined ? '' : `<w:altName w:val="${f.altName}"/>`}` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
