/**
 * Finds a CJK font file on this machine for drawing the diagram's Chinese labels into
 * 网络组织方案图.png: the file named by MIIT95_CJK_FONT (or the `cjkFont` option), else the first
 * common Chinese sans font that exists — Microsoft YaHei / SimHei / SimSun on Windows, PingFang /
 * STHeiti / Hiragino Sans GB on macOS, Noto Sans CJK / WenQuanYi / Droid Sans Fallback on Linux. No
 * font is bundled (size and licence); without one the PNG is left out and the export says so.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

function windowsFonts(): string[] {
  const dir = path.join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts');
  return ['msyh.ttc', 'msyh.ttf', 'simhei.ttf', 'simsun.ttc', 'Deng.ttf'].map((f) => path.join(dir, f));
}

const MAC_FONTS = [
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  '/System/Library/Fonts/Hiragino Sans GB.ttc',
  '/Library/Fonts/Arial Unicode.ttf',
];

const LINUX_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf',
];

function isFile(file: string): boolean {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The candidates in the order they are tried on this platform. */
export function cjkFontCandidates(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return windowsFonts();
  if (platform === 'darwin') return MAC_FONTS;
  return LINUX_FONTS;
}

/** The CJK font to use, or undefined when none is found. An explicit file must exist. */
export function findCjkFont(explicit: string | undefined = process.env['MIIT95_CJK_FONT']): string | undefined {
  if (explicit !== undefined && explicit !== '') return isFile(explicit) ? explicit : undefined;
  return cjkFontCandidates().find(isFile);
}
