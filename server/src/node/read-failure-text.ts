/**
 * Why an application file could not be read (read-text.ts's typed reasons), in both languages: for
 * the CLI's messages and the portfolio's unreadable entries alike.
 */
import type { LocalizedText } from '../core';
import type { ReadFailure } from './read-text';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

export function readFailureText(file: string, failure: ReadFailure, limitBytes: number): LocalizedText {
  switch (failure.reason) {
    case 'missing':
      return { 'zh-cn': `找不到文件：${file}`, en: `no such file: ${file}` };
    case 'not-a-file':
      return { 'zh-cn': `不是普通文件：${file}`, en: `not a regular file: ${file}` };
    case 'too-big':
      return {
        'zh-cn': `文件过大：${file}（${megabytes(failure.bytes)} MB，上限 ${megabytes(limitBytes)} MB）`,
        en: `file too big: ${file} (${megabytes(failure.bytes)} MB, limit ${megabytes(limitBytes)} MB)`,
      };
    case 'not-utf8':
      return {
        'zh-cn': `不是有效的 UTF-8 文本：${file}（请以 UTF-8 编码保存）`,
        en: `not valid UTF-8 text: ${file} (save it as UTF-8)`,
      };
    case 'unreadable':
      return {
        'zh-cn': `无法读取文件：${file}（${failure.detail}）`,
        en: `cannot read file: ${file} (${failure.detail})`,
      };
  }
}
