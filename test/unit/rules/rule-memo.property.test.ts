/**
 * Reusing the previous version's parse and rule results never changes the findings: chains of
 * realistic edits of every sample (a scalar changed at an existing path — numbers, dates, official,
 * short and misplaced province and city names, marketing words, empty strings and empty values —
 * list items inserted and removed, keys renamed, sections deleted, YAML errors introduced and fixed)
 * are validated the way the language server chains versions, `validate(next, { previous:
 * prev.document })`, and each result must equal a fresh `validate(next)` exactly (findings with
 * ranges, messages, severities and fix data; suppressions). The options change between versions now
 * and then (thresholds, configuration, severity overrides, an attachment probe given or not). Also
 * checks that rule results are actually reused (a test that always reran every rule would prove
 * nothing), and, with spy rules, that a rule reruns only when a field of a section it read changed.
 * 120 chains of up to 10 edits (about 10 s); MIIT95_FUZZ_SCALE=10 runs ten times as many.
 * MIIT95_PROPERTY_SEED pins the seed (test/setup/fast-check-seed.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml';
import {
  allRules,
  DEFAULT_CONFIG,
  DEFAULT_THRESHOLDS,
  getArray,
  getNumber,
  getRecord,
  validate,
  type FileProbe,
  type RuleModule,
  type RuleSeverityOverrides,
  type Thresholds,
  type ValidateOptions,
  type ValidationResult,
} from '../../../server/src/core';
import { ruleMemoOf } from '../../../server/src/core/rules/engine';
import { cities, provinces } from '../../../server/src/core/data/divisions';
import { createFileProbe } from '../../../server/src/node/file-probe';
import { spyRule } from './spy-rule';

const ROOT = path.resolve(__dirname, '../../..');
/** MIIT95_FUZZ_SCALE=10 runs ten times as many chains (a longer hunt). */
const SCALE = Number(process.env['MIIT95_FUZZ_SCALE'] ?? 1) || 1;
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
const TODAY = '2026-11-30';

interface Sample {
  readonly name: string;
  readonly text: string;
  readonly files: FileProbe;
}

function sampleIn(dir: string, name: string): Sample {
  return { name, text: readFileSync(path.join(dir, name), 'utf8'), files: createFileProbe(dir) };
}

const COMPLETE_DIR = path.join(ROOT, 'samples', 'complete');
const MISTAKES_DIR = path.join(ROOT, 'samples', 'mistakes');
const SAMPLES: readonly Sample[] = [
  sampleIn(COMPLETE_DIR, '杭州云声.app95.yaml'),
  ...readdirSync(MISTAKES_DIR)
    .filter((name) => name.endsWith('.app95.yaml'))
    .sort()
    .map((name) => sampleIn(MISTAKES_DIR, name)),
];
const COMPLETE = SAMPLES[0]!;

// ---- values to write ----

type Category = 'number' | 'date' | 'province' | 'city' | 'text' | 'bool';
const CATEGORIES: readonly Category[] = ['number', 'date', 'province', 'city', 'text', 'bool'];

/** One choice per kind of value; the edit takes the one that fits the field (or, with `confuse`, another). */
interface ValueChoice {
  readonly number: number;
  readonly date: string;
  readonly province: string;
  readonly city: string;
  readonly text: string;
  readonly bool: boolean;
  /** Write a value of this other kind instead (a number where a name goes…), or nothing. */
  readonly confuse: Category | 'empty' | undefined;
  /** Write it double-quoted. */
  readonly quote: boolean;
}

const PROVINCE_NAMES = [
  ...provinces.map((p) => p.name),
  ...provinces.flatMap((p) => p.short.slice(0, 1)),
  '全国',
  '不存在省',
];
const CITY_NAMES = [
  ...cities.map((c) => c.name),
  '杭州',
  '宁波',
  '朝阳区',
  '浦东新区',
  '义乌市',
  '恩施州',
  '不存在市',
];
const TEXTS = [
  '',
  ' ',
  '推销',
  '营销',
  '电话营销',
  '主要用于产品推销和营销外呼。',
  '为电商企业提供售后咨询服务，不从事营销外呼。',
  '受理消费者的订单查询和投诉。',
  '已签约',
  '意向',
  '已到货',
  '已开通',
  '中国电信',
  '中国移动',
  '中国联通',
  'SIP',
  'SS7-ISUP',
  'hz-main',
  'ct-hz',
  'cm-hz',
  'B2-20213456',
  'B24-1',
  'B25',
  '国内呼叫中心业务',
  '信息服务业务（不含互联网信息服务）',
  '附件/营业执照.pdf',
  '附件/不存在.pdf',
  '../外面.pdf',
  '集中设置',
  '三网全直联',
  '王建国',
  '杭州云声信息技术有限公司',
  '91330106MA2H7K3D4M',
  'licensed_use_only',
  'miit95/v2',
];

const valueChoice: fc.Arbitrary<ValueChoice> = fc.record({
  number: fc.oneof(
    fc.integer({ min: -10, max: 3000 }),
    fc.constantFrom(
      0,
      1,
      2,
      6,
      12,
      13,
      20,
      60,
      80,
      180,
      1200,
      1250,
      9000,
      1_000_000,
      50_000_000,
      95079,
      951234,
      0.5,
    ),
  ),
  date: fc.oneof(
    fc
      .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10)),
    fc.constantFrom('2026-02-30', '2026-13-01', '2026/12/01', '明年三月'),
  ),
  province: fc.constantFrom(...PROVINCE_NAMES),
  city: fc.constantFrom(...CITY_NAMES),
  text: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...TEXTS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  ),
  bool: fc.boolean(),
  confuse: fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom<Category | 'empty'>(...CATEGORIES, 'empty') },
  ),
  quote: fc.boolean(),
});

/** The kind of value a field holds, from its path and current value. */
function categoryOf(at: readonly (string | number)[], value: unknown): Category {
  const names = at.filter((s): s is string => typeof s === 'string');
  const key = typeof at[at.length - 1] === 'string' ? names[names.length - 1] : undefined;
  const list = typeof at[at.length - 1] === 'number' ? names[names.length - 1] : undefined;
  if (key === 'province' || list === 'coverage' || list === 'existing_numbers')
    return list === 'existing_numbers' ? 'number' : 'province';
  if (key === 'city' || list === 'cities') return 'city';
  if (list === 'candidates') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (
    (key !== undefined && /date|valid_|billing_start/.test(key)) ||
    /^\d{4}-\d{2}-\d{2}$/.test(String(value))
  )
    return 'date';
  return 'text';
}

/** YAML source for a value: plain where that reads back as the same string, double-quoted otherwise. */
function source(choice: ValueChoice, category: Category, inFlow: boolean): string {
  const kind = choice.confuse ?? category;
  if (kind === 'empty') return '';
  const value =
    kind === 'number'
      ? choice.number
      : kind === 'bool'
        ? choice.bool
        : kind === 'date'
          ? choice.date
          : choice[kind];
  if (choice.quote || (typeof value === 'string' && (/[\n\r,[\]{}]/.test(value) || value.trim() !== value))) {
    return JSON.stringify(String(value));
  }
  if (typeof value !== 'string') return String(value);
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  return plain.includes('\n') || (inFlow && /[,[\]{}]/.test(plain)) ? JSON.stringify(value) : plain;
}

// ---- edits ----

type EditKind = 'scalar' | 'insertItem' | 'removeItem' | 'renameKey' | 'deleteSection' | 'yamlError';

/** An edit by choices (fractions pick the target), so that it fits whatever text the chain has reached. */
interface EditChoice {
  readonly kind: EditKind;
  readonly pick: number;
  readonly pick2: number;
  readonly value: ValueChoice;
  readonly key: number;
  readonly error: number;
}

/** Uniform in [0, 1) (fc.double is not: most doubles are tiny, so it would pick the first target). */
const fraction = fc.nat({ max: 9999 }).map((n) => n / 10000);
const editChoice: fc.Arbitrary<EditChoice> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<EditKind>('scalar') },
    { weight: 2, arbitrary: fc.constant<EditKind>('insertItem') },
    { weight: 2, arbitrary: fc.constant<EditKind>('removeItem') },
    { weight: 1, arbitrary: fc.constant<EditKind>('renameKey') },
    { weight: 1, arbitrary: fc.constant<EditKind>('deleteSection') },
    { weight: 1, arbitrary: fc.constant<EditKind>('yamlError') },
  ),
  pick: fraction,
  pick2: fraction,
  value: valueChoice,
  key: fc.nat(5),
  error: fc.nat(5),
});

type DataPath = readonly (string | number)[];
interface ScalarTarget {
  readonly at: DataPath;
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
  readonly inFlow: boolean;
}
interface KeyTarget {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}
interface SeqTarget {
  readonly at: DataPath;
  readonly node: YAMLSeq;
}
interface Targets {
  readonly scalars: ScalarTarget[];
  readonly keys: KeyTarget[];
  readonly seqs: SeqTarget[];
  readonly sections: KeyTarget[];
}

/** The scalars, keys, lists and top-level sections of `text`, with their offsets. */
function targetsOf(text: string): Targets {
  const doc: Document = parseDocument(text, { prettyErrors: false });
  const targets: Targets = { scalars: [], keys: [], seqs: [], sections: [] };
  const walk = (node: unknown, at: DataPath, inFlow: boolean, depth: number): void => {
    if (isMap(node)) {
      const flow = inFlow || node.flow === true;
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value !== 'string' || key.range == null) continue;
        const target = { name: key.value, start: key.range[0], end: key.range[1] };
        targets.keys.push(target);
        if (depth === 0) targets.sections.push(target);
        walk(pair.value, [...at, key.value], flow, depth + 1);
      }
    } else if (isSeq(node)) {
      const flow = inFlow || node.flow === true;
      targets.seqs.push({ at, node });
      node.items.forEach((item, index) => walk(item, [...at, index], flow, depth + 1));
    } else if (isScalar(node) && node.range != null) {
      targets.scalars.push({ at, start: node.range[0], end: node.range[1], value: node.value, inFlow });
    }
  };
  walk(doc.contents, [], false, 0);
  return targets;
}

const pickOf = <T>(items: readonly T[], fractionValue: number): T | undefined =>
  items[Math.floor(fractionValue * items.length)];

const splice = (text: string, start: number, end: number, insert: string): string =>
  text.slice(0, start) + insert + text.slice(end);

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The end of the block entry whose first line starts at `start` with its indicator (`-` or the key)
 * at `column`: the start of the next non-blank line indented no deeper (comments included).
 */
function blockEnd(text: string, start: number, column: number): number {
  let at = text.indexOf('\n', start);
  while (at !== -1) {
    const next = at + 1;
    const end = text.indexOf('\n', next);
    const line = text.slice(next, end === -1 ? undefined : end).replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '' && indent <= column) return next;
    at = end;
  }
  return text.length;
}

/** The offsets of the items of a block sequence: [start of its `-` line, end) each. */
function blockItems(text: string, node: YAMLSeq): { start: number; end: number }[] | undefined {
  const spans: { start: number; end: number }[] = [];
  for (const item of node.items) {
    const range = (item as { range?: [number, number, number] } | null)?.range;
    if (range == null) return undefined;
    // The item's `-` is the last one before its value on that line.
    const start = lineStart(text, range[0]);
    const dash = text.lastIndexOf('-', range[0] - 1);
    if (dash < start) return undefined;
    spans.push({ start, end: blockEnd(text, start, dash - start) });
  }
  return spans;
}

const withNewline = (s: string): string => (s.endsWith('\n') ? s : `${s}\n`);

/** The texts an edit produces: one version, or two (a YAML error, then the text fixed again). */
function applyEdit(text: string, edit: EditChoice): string[] {
  const targets = targetsOf(text);
  switch (edit.kind) {
    case 'scalar': {
      const target = pickOf(targets.scalars, edit.pick);
      if (target === undefined) return [];
      const old = text.slice(target.start, target.end);
      let value = source(edit.value, categoryOf(target.at, target.value), target.inFlow);
      // An empty value: the scalar's range is empty, right after the key's colon.
      if (target.start === target.end && value !== '') value = ` ${value}`;
      // A block scalar's range takes its line break along.
      const tail = /\n[ \t\r\n]*$/.exec(old)?.[0] ?? '';
      return [splice(text, target.start, target.end, value + tail)];
    }
    case 'insertItem':
    case 'removeItem': {
      const seqs = targets.seqs.filter((s) => edit.kind === 'insertItem' || s.node.items.length > 0);
      const seq = pickOf(seqs, edit.pick);
      if (seq === undefined) return [];
      const node = seq.node;
      const range = node.range;
      if (range == null) return [];
      if (node.flow === true) {
        const items = node.items.map((item) => {
          const r = (item as { range?: [number, number, number] } | null)?.range;
          return r == null ? '' : text.slice(r[0], r[1]);
        });
        const index = Math.floor(edit.pick2 * (items.length + (edit.kind === 'insertItem' ? 1 : 0)));
        if (edit.kind === 'insertItem') {
          const category = categoryOf(
            [...seq.at, 0],
            (node.items[0] as { value?: unknown } | undefined)?.value,
          );
          items.splice(index, 0, source(edit.value, category, true) || '""');
        } else items.splice(index, 1);
        return [splice(text, range[0], range[1], `[${items.join(', ')}]`)];
      }
      const spans = blockItems(text, node);
      if (spans === undefined || spans.length === 0) return [];
      if (edit.kind === 'removeItem') {
        const span = pickOf(spans, edit.pick2)!;
        return [splice(text, span.start, span.end, '')];
      }
      // Insert a copy of one item before another (or after the last).
      const copy = pickOf(spans, edit.value.number >= 0 ? (edit.value.number % 97) / 97 : 0)!;
      const at = Math.floor(edit.pick2 * (spans.length + 1));
      const offset = at < spans.length ? spans[at]!.start : spans[spans.length - 1]!.end;
      const before = offset === text.length ? withNewline(text) : text;
      return [splice(before, offset, offset, withNewline(text.slice(copy.start, copy.end)))];
    }
    case 'renameKey': {
      const key = pickOf(targets.keys, edit.pick);
      if (key === undefined) return [];
      const other = pickOf(targets.keys, edit.pick2)?.name ?? 'name';
      const names = [
        `${key.name}s`,
        key.name.slice(0, -1) || 'x',
        'remark',
        key.name.toUpperCase(),
        other,
        `${key.name}_old`,
      ];
      return [splice(text, key.start, key.end, names[edit.key % names.length]!)];
    }
    case 'deleteSection': {
      const section = pickOf(targets.sections, edit.pick);
      if (section === undefined) return [];
      const start = lineStart(text, section.start);
      return [splice(text, start, blockEnd(text, start, section.start - start), '')];
    }
    case 'yamlError': {
      const broken = breakYaml(text, targets, edit);
      return broken === undefined || broken === text ? [] : [broken, text];
    }
  }
}

/** `text` with a YAML syntax error of one of a few kinds a user makes. */
function breakYaml(text: string, targets: Targets, edit: EditChoice): string | undefined {
  const scalar = pickOf(
    targets.scalars.filter((s) => s.end > s.start),
    edit.pick,
  );
  const key = pickOf(targets.keys, edit.pick);
  switch (edit.error) {
    case 0: // an unclosed flow sequence
      return scalar && splice(text, scalar.start, scalar.start, '[');
    case 1: // an unclosed quote
      return scalar && splice(text, scalar.start, scalar.start, '"');
    case 2: // a missing colon
      return key && text[key.end] === ':' ? splice(text, key.end, key.end + 1, '') : undefined;
    case 3: // a tab in the indentation
      if (key === undefined) return undefined;
      return key.start > lineStart(text, key.start)
        ? splice(text, lineStart(text, key.start), key.start, '\t')
        : undefined;
    case 4: // one space too many before a key
      return key && splice(text, key.start, key.start, ' ');
    default: // a duplicated line
      if (key === undefined) return undefined;
      {
        const start = lineStart(text, key.start);
        const end = text.indexOf('\n', key.start);
        return end === -1 ? undefined : splice(text, end + 1, end + 1, text.slice(start, end + 1));
      }
  }
}

// ---- options ----

const STRICT: Thresholds = {
  coverage: { minProvinces: 10, minCities: 30, comparison: '>' },
  scheduleMonths: 3,
  extension: { maxLength: 6, absoluteMaxLength: 8 },
  licenceMinRemainingYears: 3,
  renewalNoticeDays: 400,
  penaltyRecentYears: 10,
  preparationShifts: 3,
};
const LOOSE: Thresholds = {
  coverage: { minProvinces: 1, minCities: 1, comparison: '>=' },
  scheduleMonths: 36,
  extension: { maxLength: 12, absoluteMaxLength: 20 },
  licenceMinRemainingYears: 0,
  renewalNoticeDays: 10,
  penaltyRecentYears: 0,
  preparationShifts: 0.5,
};
/** Undefined (the defaults), the defaults themselves, an equal copy, stricter and looser values. */
const THRESHOLDS: readonly (Thresholds | undefined)[] = [
  undefined,
  DEFAULT_THRESHOLDS,
  structuredClone(DEFAULT_THRESHOLDS),
  STRICT,
  LOOSE,
];
const ruleIds = allRules.map((rule) => rule.id);
const SEVERITIES: readonly (RuleSeverityOverrides | undefined)[] = [
  undefined,
  { 'R-COVERAGE-004': 'off' },
  Object.fromEntries(ruleIds.filter((_, i) => i % 3 === 0).map((id) => [id, 'info'])),
  Object.fromEntries(ruleIds.filter((_, i) => i % 4 === 1).map((id) => [id, 'off'])),
];

/** The options of one version, by index into the pools above. */
interface OptionsChoice {
  readonly thresholds: number;
  /** Pass the thresholds and severities as a configuration rather than as options. */
  readonly asConfig: boolean;
  readonly severity: number;
  readonly files: boolean;
}

const optionsChoice: fc.Arbitrary<OptionsChoice> = fc.record({
  thresholds: fc.nat(THRESHOLDS.length - 1),
  asConfig: fc.boolean(),
  severity: fc.nat(SEVERITIES.length - 1),
  files: fc.boolean(),
});

function optionsOf(choice: OptionsChoice, sample: Sample): ValidateOptions {
  const thresholds = THRESHOLDS[choice.thresholds];
  const severities = SEVERITIES[choice.severity];
  return {
    today: TODAY,
    ...(choice.files ? { files: sample.files } : {}),
    ...(choice.asConfig
      ? {
          config: {
            ...DEFAULT_CONFIG,
            thresholds: thresholds ?? DEFAULT_THRESHOLDS,
            severities: severities ?? {},
          },
        }
      : {
          ...(thresholds !== undefined ? { thresholds } : {}),
          ...(severities !== undefined ? { ruleSeverity: severities } : {}),
        }),
  };
}

// ---- the property ----

interface Chain {
  readonly sample: number;
  readonly options: OptionsChoice;
  /** Each edit, with new options for its versions now and then (undefined: the same as before). */
  readonly steps: readonly { readonly edit: EditChoice; readonly options: OptionsChoice | undefined }[];
}

const chain: fc.Arbitrary<Chain> = fc.record({
  sample: fc.nat(SAMPLES.length - 1),
  options: optionsChoice,
  steps: fc.array(
    fc.record({
      edit: editChoice,
      options: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: optionsChoice },
      ),
    }),
    { minLength: 1, maxLength: 10 },
  ),
});

/** How many rule results were reused, of how many rules run with a memo (summed over a run). */
const reuse = { reused: 0, recorded: 0, steps: 0 };

/** Validates `text` reusing `previous` and checks the result against a fresh validation. */
function step(
  previous: ValidationResult,
  text: string,
  options: ValidateOptions,
  context: () => string,
): ValidationResult {
  const memo = previous.document && ruleMemoOf(previous.document);
  const before = memo === undefined ? undefined : new Map(memo);
  const result = validate(
    text,
    previous.document === undefined ? options : { ...options, previous: previous.document },
  );
  const fresh = validate(text, options);
  assert.deepEqual(result.findings, fresh.findings, context());
  assert.deepEqual(result.suppressions, fresh.suppressions, context());
  const next = result.document && ruleMemoOf(result.document);
  reuse.steps++;
  for (const [rule, entry] of next ?? []) {
    reuse.recorded++;
    if (before?.get(rule)?.reports === entry.reports) reuse.reused++;
  }
  return result;
}

/** Runs a chain: validates each version it goes through, reusing the previous result, against a fresh validation. */
function runChain(c: Chain): void {
  const sample = SAMPLES[c.sample]!;
  let choice = c.options;
  let options = optionsOf(choice, sample);
  let text = sample.text;
  let result = validate(text, options);
  const log: string[] = [];
  for (const [k, s] of c.steps.entries()) {
    if (s.options !== undefined) {
      choice = s.options;
      options = optionsOf(choice, sample);
    }
    for (const next of applyEdit(text, s.edit)) {
      log.push(`step ${k} (${s.edit.kind}, options ${JSON.stringify(choice)})`);
      const previousText = text;
      text = next;
      result = step(result, text, options, () =>
        [`${sample.name}: ${log.join(' → ')}`, '--- before ---', previousText, '--- after ---', text].join(
          '\n',
        ),
      );
    }
  }
}

describe('rule results reused between versions (property)', function () {
  this.timeout(120_000 * SCALE);

  it('chains of realistic edits, each validated with the previous result: the findings of a fresh validation', () => {
    reuse.reused = reuse.recorded = reuse.steps = 0;
    fc.assert(
      fc.property(chain, (c) => runChain(c)),
      { numRuns: runs(120) },
    );
    // Most edits change one section: most rules must have been reused, or this proved nothing.
    assert.ok(reuse.steps > runs(120), `only ${reuse.steps} versions checked`);
    assert.ok(
      reuse.reused / reuse.recorded > 0.3,
      `reused ${reuse.reused} of ${reuse.recorded} rule results`,
    );
  });

  // Found by the property: R-DOCS-001 found no probe, stayed silent and was reused once a probe was
  // given (the memo did not count looking at an absent ctx.files). The shrunk counterexample, then
  // the same in plain words.
  it('regression: a probe given to a later version runs the attachment rules again (counterexample)', () => {
    const value: ValueChoice = {
      number: 0,
      date: '2026-02-30',
      province: '北京市',
      city: '北京市',
      text: '',
      bool: false,
      confuse: undefined,
      quote: false,
    };
    const edit = (kind: EditKind): EditChoice => ({ kind, pick: 0, pick2: 0, value, key: 0, error: 0 });
    const noFiles: OptionsChoice = { thresholds: 0, asConfig: false, severity: 0, files: false };
    const sample = SAMPLES.findIndex((s) => s.name === 'missing-attachment.app95.yaml');
    assert.ok(sample > 0);
    runChain({
      sample,
      options: noFiles,
      steps: [
        { edit: edit('insertItem'), options: { ...noFiles, files: true } },
        { edit: edit('renameKey'), options: undefined },
      ],
    });
  });

  it('regression: a probe given to a later version runs the attachment rules again', () => {
    const sample = SAMPLES.find((s) => s.name === 'missing-attachment.app95.yaml')!;
    const first = validate(sample.text, { today: TODAY });
    assert.ok(!first.findings.some((f) => f.code === 'R-DOCS-001'), 'no probe, no attachment finding');
    const text = sample.text.replace(/\n$/, '\n# 注释\n');
    const options = { today: TODAY, files: sample.files };
    const second = validate(text, { ...options, previous: first.document! });
    assert.ok(
      second.findings.some((f) => f.code === 'R-DOCS-001'),
      'the missing attachment is reported',
    );
    assert.deepEqual(second.findings, validate(text, options).findings);
    // And back: without a probe, the attachment findings go away.
    const third = validate(sample.text, { today: TODAY, previous: second.document! });
    assert.deepEqual(third.findings, first.findings);
  });

  it('keepForReuse: false (the CLI) gives the same findings and records nothing for a next version', () => {
    for (const sample of SAMPLES) {
      const options = { today: TODAY, files: sample.files };
      const once = validate(sample.text, { ...options, keepForReuse: false });
      const kept = validate(sample.text, options);
      assert.deepEqual(once.findings, kept.findings, sample.name);
      if (kept.document?.hasRoot)
        assert.ok(ruleMemoOf(kept.document) !== undefined, `${sample.name}: recorded by default`);
      if (once.document !== undefined)
        assert.equal(ruleMemoOf(once.document), undefined, `${sample.name}: nothing recorded`);
    }
  });

  it('a thresholds change between versions of the same text: the findings of the new thresholds', () => {
    const first = validate(COMPLETE.text, { today: TODAY });
    const second = validate(COMPLETE.text, { today: TODAY, thresholds: STRICT, previous: first.document! });
    assert.deepEqual(second.findings, validate(COMPLETE.text, { today: TODAY, thresholds: STRICT }).findings);
    assert.ok(
      second.findings.some((f) => f.code === 'R-COVERAGE-003'),
      'the stricter coverage threshold is applied',
    );
    const third = validate(COMPLETE.text, { today: TODAY, previous: second.document! });
    assert.deepEqual(third.findings, first.findings);
  });

  it('every edit kind changes the text of the complete sample somewhere', () => {
    // Guards the generators: an edit kind that never applied would leave its case untested.
    const kinds: EditKind[] = [
      'scalar',
      'insertItem',
      'removeItem',
      'renameKey',
      'deleteSection',
      'yamlError',
    ];
    for (const kind of kinds) {
      const changed = fc
        .sample(
          editChoice.map((e) => ({ ...e, kind })),
          { numRuns: 20, seed: 42 },
        )
        .filter((e) => applyEdit(COMPLETE.text, e).some((text) => text !== COMPLETE.text));
      assert.ok(changed.length >= 10, `${kind}: ${changed.length} of 20 edits changed the text`);
    }
  });
});

describe('rule results reused while the fields of a section they read are unchanged', () => {
  const calls: string[] = [];
  const spy = (id: string, read: (app: unknown) => unknown): RuleModule =>
    spyRule(id, calls, (ctx) => {
      const value = read(ctx.app);
      if (value !== undefined)
        ctx.report({
          path: ['tech'],
          target: 'key',
          messageId: 'seen',
          params: { value: JSON.stringify(value) },
        });
    });
  const rules = [
    spy('R-SPY-101', (app) => getArray(app, ['tech', 'platform', 'sites']).length),
    spy('R-SPY-102', (app) => getNumber(app, ['tech', 'seats'])),
    // Lists the keys of tech (and so reads every value of it).
    spy('R-SPY-103', (app) => Object.keys(getRecord(app, ['tech']) ?? {}).join(',')),
    // Asks whether tech has a key, without reading it.
    spy('R-SPY-104', (app) => {
      const tech = getRecord(app, ['tech']);
      return tech === undefined ? undefined : 'remark' in tech;
    }),
  ];
  const options = { today: TODAY, rules };
  /** `ran`: the rules that must run again; `mayRun`: others the reparse may give a new value to read. */
  const cases: { name: string; edit: (text: string) => string; ran: string[]; mayRun?: string[] }[] = [
    {
      name: 'a value in usage',
      edit: (t) => t.replace('  outbound_marketing: false', '  outbound_marketing: true'),
      ran: [],
    },
    {
      name: 'tech.seats',
      edit: (t) => t.replace('  seats: 80 ', '  seats: 60 '),
      ran: ['R-SPY-102', 'R-SPY-103'],
    },
    {
      name: 'a site of tech.platform',
      edit: (t) =>
        t.replace('        city: 杭州市\n        address', '        city: 宁波市\n        address'),
      ran: ['R-SPY-101', 'R-SPY-103'],
    },
    {
      name: 'a key added to tech',
      edit: (t) => t.replace('  seats: 80 ', '  remark: 备注\n  seats: 80 '),
      ran: ['R-SPY-103', 'R-SPY-104'],
    },
    // The reparse of a removed line may take the next item (tech.platform) along, as a new object.
    {
      name: 'tech.seats removed',
      edit: (t) => t.replace(/ {2}seats: 80 .*\n/, ''),
      ran: ['R-SPY-102', 'R-SPY-103'],
      mayRun: ['R-SPY-101'],
    },
    {
      name: 'tech no longer a mapping',
      edit: (t) => t.replace('tech:\n', 'tech: []\ntech_old:\n'),
      ran: ['R-SPY-101', 'R-SPY-102', 'R-SPY-103', 'R-SPY-104'],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: reruns ${c.ran.length === 0 ? 'none' : c.ran.join(', ')}; the findings of a fresh validation`, () => {
      const text = c.edit(COMPLETE.text);
      assert.notEqual(text, COMPLETE.text, 'the case must change the text');
      const first = validate(COMPLETE.text, options);
      calls.length = 0;
      const second = validate(text, { ...options, previous: first.document! });
      assert.deepEqual(
        calls.filter((id) => !(c.mayRun ?? []).includes(id)),
        c.ran,
      );
      assert.deepEqual(second.findings, validate(text, options).findings);
      // And the next version reuses what this one recorded.
      calls.length = 0;
      const third = validate(text, { ...options, previous: second.document! });
      assert.deepEqual(calls, []);
      assert.deepEqual(third.findings, second.findings);
    });
  }
});
