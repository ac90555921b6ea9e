/**
 * The export time: the host's clock, or — for reproducible packages, the convention of
 * reproducible-builds.org — the environment variable SOURCE_DATE_EPOCH (whole seconds since
 * 1970-01-01 UTC), which then dates the documents, the manifest and the ZIP entries. A value that is
 * not whole seconds is refused with a message in both languages rather than silently ignored. The
 * date rules' "today" is not affected (the CLI's `--today` sets that).
 */
import type { LocalizedText } from '../core';

export type ExportTime = { readonly ok: true; readonly now: Date } | { readonly ok: false; readonly message: LocalizedText };

/** The export time for `env` (SOURCE_DATE_EPOCH when set and not empty), else `clock()`. */
export function exportTime(env: NodeJS.ProcessEnv, clock: () => Date): ExportTime {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return { ok: true, now: clock() };
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
  if (!Number.isSafeInteger(seconds))
    return {
      ok: false,
      message: {
        'zh-cn': `环境变量 SOURCE_DATE_EPOCH 应为自 1970-01-01 UTC 起的整秒数（当前为“${epoch}”），未导出。`,
        en: `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (it is "${epoch}"); nothing was exported.`,
      },
    };
  return { ok: true, now: new Date(seconds * 1000) };
}
