/**
 * Grouped quick fixes: one action for all findings of a kind at one place, e.g. "fill all missing
 * required fields of number.extension" (every `schema/required` finding of one mapping, each with
 * its placeholder), "add all missing provinces to the schedule" (R-SCHEDULE-001 appends to
 * `schedule`), or, for provinces outside the licence coverage (R-COVERAGE-001), "remove all of them
 * from the area" and separately "add all of them to the coverage". Findings join a group when they
 * have the same code and, at the same position of their fix list, an insertion into the same
 * mapping, an append to the same list or a removal from the same list. Pure.
 */
import type { DataPath, Finding, FixIntent, LocalizedText } from '../types';
import type { ParsedDocument } from '../document/parse';
import { displayPath } from '../document/pointer';
import { intentsEdits, schemaOrder, type FixOptions } from './apply-intent';
import type { TextEdit } from './text-edit';

export interface GroupFix {
  readonly title: LocalizedText;
  /** The findings the group fixes (the one asked about among them). */
  readonly findings: readonly Finding[];
  readonly intents: readonly FixIntent[];
  readonly edits: readonly TextEdit[];
}

type GroupKind = 'insertProperty' | 'appendItem' | 'removeItem';

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/** The collection a groupable intent works on; undefined for intents that are not grouped. */
function groupPath(intent: FixIntent): DataPath | undefined {
  if (intent.kind === 'insertProperty' || intent.kind === 'appendItem') return intent.path;
  if (intent.kind === 'removeItem') return intent.path.slice(0, -1);
  return undefined;
}

function place(path: DataPath): LocalizedText {
  return path.length === 0 ? { 'zh-cn': '文档顶层', en: 'the top level' } : { 'zh-cn': displayPath(path), en: displayPath(path) };
}

function titleOf(kind: GroupKind, code: string, path: DataPath, count: number): LocalizedText {
  const where = place(path);
  switch (kind) {
    case 'insertProperty':
      return code === 'schema/required'
        ? {
            'zh-cn': `补全 ${where['zh-cn']} 缺少的全部 ${count} 个必填项（占位值，请按实际填写）`,
            en: `Add all ${count} missing properties of ${where.en} (placeholders: fill in the real values)`,
          }
        : { 'zh-cn': `在 ${where['zh-cn']} 中一次补充全部 ${count} 项`, en: `Add all ${count} properties to ${where.en}` };
    case 'appendItem':
      return { 'zh-cn': `一次补充全部 ${count} 项到 ${where['zh-cn']}`, en: `Add all ${count} missing items to ${where.en}` };
    case 'removeItem':
      return { 'zh-cn': `从 ${where['zh-cn']} 中一次删去全部 ${count} 项`, en: `Remove all ${count} items from ${where.en}` };
  }
}

/**
 * The group fixes for `finding` among all `findings` of the document: one per position of its fix
 * list where at least two findings of its kind can be fixed together.
 */
export function groupFixesFor(
  parsed: ParsedDocument,
  finding: Finding,
  findings: readonly Finding[],
  options: FixOptions = {},
): GroupFix[] {
  const groups: GroupFix[] = [];
  const own = finding.data.fixes ?? [];
  own.forEach((head, position) => {
    const path = groupPath(head);
    if (path === undefined) return;
    const kind = head.kind as GroupKind;
    const members = findings.filter((other) => {
      const intent = other.data.fixes?.[position];
      if (other.code !== finding.code || intent === undefined || intent.kind !== kind) return false;
      const otherPath = groupPath(intent);
      return otherPath !== undefined && samePath(otherPath, path);
    });
    let intents = members.flatMap((member) => {
      const intent = member.data.fixes?.[position];
      return intent === undefined ? [] : [intent];
    });
    if (kind === 'insertProperty') {
      // Declared order, so the properties land as the format lists them.
      const order = (options.order ?? schemaOrder)(path);
      const rank = (intent: FixIntent): number => {
        const index = intent.kind === 'insertProperty' ? order.indexOf(intent.key) : -1;
        return index < 0 ? Number.MAX_SAFE_INTEGER : index;
      };
      intents = [...intents].sort((a, b) => rank(a) - rank(b));
    }
    if (intents.length < 2) return;
    const edits = intentsEdits(parsed, intents, options);
    if (edits === undefined || edits.length === 0) return;
    groups.push({ title: titleOf(kind, finding.code, path, intents.length), findings: members, intents, edits });
  });
  return groups;
}
