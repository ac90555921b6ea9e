/**
 * The form model of an application (issue 14): pages per material in the outline's order (the one
 * material catalogue, features/readiness.ts) plus a last page for the general part, their state as
 * the readiness lens counts it, each finding on the field it is about (the deepest field its path
 * reaches, the same message as the Problems view), and the live figures (completeness, Erlang C
 * seats, each candidate's fee). Pure: the parsed document, its findings, a locale and a date in.
 */
import type { ParsedDocument } from '../document/parse';
import { encodePointer } from '../document/pointer';
import { computeFeeModel, type CandidateFees } from '../fees/model';
import { seatsLabel, seatsRequirement } from '../features/lenses';
import { MATERIALS, readiness, startsWith } from '../features/readiness';
import { fieldInfo } from '../features/schema-info';
import { get } from '../document/data-access';
import type { DataPath, Finding, Locale } from '../types';
import { buildField, type FieldContext, type MutableField } from './fields';
import type { FormFigures, FormFinding, FormModel, FormPage, FormPosition } from './types';

export interface FormModelInput {
  /** The parsed text; undefined when there is none (the form then has empty pages). */
  readonly parsed: ParsedDocument | undefined;
  /** The document's findings (after configuration and suppressions), as the Problems view has them. */
  readonly findings: readonly Finding[];
  readonly locale: Locale;
  /** 'YYYY-MM-DD', for the fee figures. */
  readonly today: string;
}

const GENERAL_TITLE = { 'zh-cn': '其他（申请日期、呼出功能）', en: 'Other (application date, outbound calls)' };

function formFinding(finding: Finding, locale: Locale): FormFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message[locale],
    path: finding.data.path,
    fixes: (finding.data.fixes ?? []).map((fix, index) => ({ index, title: fix.title[locale] })),
  };
}

function candidateFacts(c: CandidateFees, locale: Locale): string[] {
  const en = locale === 'en';
  const facts: string[] = [];
  if (c.segment !== undefined) facts.push(en ? `segment ${c.segment}` : `号段 ${c.segment}`);
  facts.push(en ? `${c.digits} digits` : `${c.digits} 位`);
  if (c.annual !== undefined) facts.push(en ? `${c.annual.text} a year` : `${c.annual.text}/年`);
  else facts.push(en ? 'no fee rate applies' : '无适用的收费标准');
  return facts;
}

/** The root properties no material covers (apiVersion, application, outbound…), in schema order. */
function generalPaths(): DataPath[] {
  const covered = new Set(MATERIALS.flatMap((m) => m.paths.map((p) => String(p[0]))));
  return fieldInfo([])
    .properties.filter((name) => !covered.has(name))
    .map((name) => [name]);
}

function isError(f: Finding): boolean {
  return f.severity === 'error';
}

/** The form model of a document. */
export function buildFormModel(input: FormModelInput): FormModel {
  const { parsed, findings, locale } = input;
  const app = parsed?.hasRoot === true ? parsed.value : undefined;
  const fees = computeFeeModel({ value: app, findings, today: input.today });
  const factsByPointer = new Map(fees.candidates.map((c) => [encodePointer(c.path), candidateFacts(c, locale)]));
  const ctx: FieldContext = {
    parsed,
    app,
    locale,
    facts: (path) => factsByPointer.get(encodePointer(path)),
    index: new Map<string, MutableField>(),
  };
  const fieldFor = (path: DataPath): MutableField => {
    const parent = fieldInfo(path.slice(0, -1));
    const name = String(path[path.length - 1]);
    const value = get(app, path);
    const required = parent.required.includes(name);
    return buildField(ctx, { path, value, present: value !== undefined, required, removable: !required, depth: 0 });
  };

  const ready = readiness(findings, parsed);
  const pages: FormPage[] = ready.materials.map((status) => {
    const paths = status.material.paths;
    const inside = (f: Finding): boolean => paths.some((p) => startsWith(f.data.path, p));
    return {
      number: status.material.number,
      title: status.material.title[locale],
      status: !status.present ? 'missing' : status.errors > 0 ? 'errors' : 'complete',
      errors: status.errors,
      warnings: findings.filter((f) => f.severity === 'warning' && f.data.path.length > 0 && inside(f)).length,
      fields: paths.map(fieldFor),
    };
  });
  const general = generalPaths();
  const generalFindings = findings.filter((f) => general.some((p) => startsWith(f.data.path, p)));
  pages.push({
    number: 0,
    title: GENERAL_TITLE[locale],
    status: generalFindings.some(isError) ? 'errors' : 'complete',
    errors: generalFindings.filter(isError).length,
    warnings: generalFindings.filter((f) => f.severity === 'warning').length,
    fields: general.map(fieldFor),
  });

  const otherFindings: FormFinding[] = [];
  for (const finding of findings) {
    const target = deepestField(ctx.index, finding.data.path);
    if (target === undefined) otherFindings.push(formFinding(finding, locale));
    else target.findings.push(formFinding(finding, locale));
  }

  const syntax = findings.find((f) => f.code.startsWith('yaml/') && isError(f));
  const editable = parsed !== undefined && parsed.hasRoot && syntax === undefined && parsed.errors.length === 0;
  return {
    locale,
    editable,
    ...(syntax !== undefined ? { syntaxError: { message: syntax.message[locale], at: positionAt(parsed, syntax.range.start) } } : {}),
    pages,
    figures: figures(app, ready, fees.candidates, locale),
    otherFindings,
  };
}

function positionAt(parsed: ParsedDocument | undefined, offset: number): FormPosition {
  return parsed === undefined ? { line: 0, character: 0 } : parsed.lines.positionAt(offset);
}

/** The field of the longest prefix of `path` (a finding on a missing child lands on its object). */
function deepestField(index: ReadonlyMap<string, MutableField>, path: DataPath): MutableField | undefined {
  if (path.length === 0) return undefined;
  for (let end = path.length; end > 0; end--) {
    const field = index.get(encodePointer(path.slice(0, end)));
    if (field !== undefined) return field;
  }
  return undefined;
}

function figures(
  app: unknown,
  ready: ReturnType<typeof readiness>,
  candidates: readonly CandidateFees[],
  locale: Locale,
): FormFigures {
  const seats = seatsRequirement(app);
  return {
    complete: ready.complete,
    total: ready.total,
    errors: ready.errors,
    warnings: ready.warnings,
    ...(seats !== undefined
      ? { seats: { required: seats.required, ...(seats.seats !== undefined ? { planned: seats.seats } : {}), label: seatsLabel(seats, locale) } }
      : {}),
    fees: candidates.map((c) => ({ number: c.number, text: candidateFacts(c, locale).join(' · ') })),
  };
}
