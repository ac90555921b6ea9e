/**
 * The font families the diagram asks for, in order (common Chinese sans fonts of Windows, macOS and
 * Linux, then any sans-serif): the SVG's font-family (diagram-svg.ts), and the list the drawing
 * worker picks the faces of a font collection by (ttc-face.ts). No imports: the worker bundles it.
 */
export const FONT_FAMILY =
  "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','SimHei','SimSun',sans-serif";
