// The "new application" template (core/template.ts), shared by the editor command and `miit95 init`:
// it parses, has every section, validates with findings ONLY on placeholder lines (the exact list is
// below: change it on purpose when the template or the rules change), and fills in the company
// name safely whatever it contains.
import { strict as assert } from 'node:assert';
import { displayPath, LineIndex, parseApplication, validate, type FileProbe } from '../../../server/src/core';
import {
  applicationTemplate,
  firstPlaceholder,
  isPlaceholderLine,
  placeholderRanges,
  templateFileName,
} from '../../../server/src/core/template';
import applicationSchema from '../../../schemas/application.schema.json';

const TODAY = '2026-12-01';
const COMPANY = '杭州示例科技有限公司';
const allMissing: FileProbe = { probe: () => 'missing' };

/** Every finding the template produces (attachments missing, as in a fresh folder), by code and path. */
const EXPECTED: readonly (readonly [string, string])[] = [
    ['schema/pattern', 'applicant.credit_code'],
    ['R-APPLICANT-008', 'applicant.legal_rep'],
    ['schema/type', 'applicant.registered_capital_cny'],
    ['R-APPLICANT-008', 'applicant.address'],
    ['R-APPLICANT-008', 'applicant.contact.name'],
    ['schema/pattern', 'applicant.contact.phone'],
    ['schema/format', 'applicant.contact.email'],
    ['R-DOCS-001', 'applicant.business_licence_file'],
    ['R-LICENCE-002', 'licence.number'],
    ['schema/pattern', 'licence.holder_credit_code'],
    ['schema/format', 'licence.valid_from'],
    ['schema/format', 'licence.valid_until'],
    ['schema/enum', 'licence.coverage[0]'],
    ['schema/enum', 'licence.annual_reports[0].status'],
    ['R-DOCS-001', 'licence.files[0]'],
    ['R-DOCS-001', 'licence.files[1]'],
    ['schema/pattern', 'number.candidates[0]'],
    ['R-NUMBER-005', 'number.extension.call_flow'],
    ['R-NUMBER-005', 'number.extension.voice_prompts[0]'],
    ['schema/enum', 'usage.area[0].province'],
    ['R-COVERAGE-004', 'usage.area[0].cities[0]'],
    ['R-USAGE-001', 'usage.description'],
    ['R-USAGE-001', 'usage.customers[0].name'],
    ['R-USAGE-001', 'usage.customers[0].type'],
    ['schema/enum', 'usage.customers[0].status'],
    ['R-USAGE-001', 'usage.business_model'],
    ['schema/type', 'tech.traffic_forecast.busy_hour_calls'],
    ['schema/type', 'tech.traffic_forecast.average_handle_time_s'],
    ['schema/type', 'tech.seats'],
    ['schema/enum', 'tech.platform.sites[0].province'],
    ['R-COVERAGE-004', 'tech.platform.sites[0].city'],
    ['schema/type', 'tech.platform.sites[0].seats'],
    ['R-TECH-003', 'tech.access.links[0].gateway'],
    ['schema/enum', 'tech.access.links[0].province'],
    ['R-TECH-003', 'tech.access.links[1].gateway'],
    ['schema/enum', 'tech.access.links[1].province'],
    ['R-TECH-003', 'tech.access.links[2].gateway'],
    ['schema/enum', 'tech.access.links[2].province'],
    ['R-TECH-005', 'tech.network_diagram.file'],
    ['R-TECH-005', 'tech.network_diagram.description'],
    ['schema/enum', 'schedule[0].province'],
    ['schema/type', 'preparation.staff.ready'],
    ['schema/type', 'preparation.staff.planned'],
    ['schema/type', 'preparation.equipment[0].quantity'],
    ['schema/enum', 'preparation.equipment[0].status'],
    ['schema/enum', 'preparation.lines[0].status'],
    ['schema/enum', 'preparation.lines[1].status'],
    ['schema/enum', 'preparation.lines[2].status'],
    ['R-STAFF-001', 'staff.company_experience'],
    ['R-STAFF-001', 'staff.core'],
    ['schema/type', 'staff.core[0].experience_years'],
    ['R-DOCS-001', 'pledge.file'],
    ['R-PLEDGE-001', 'pledge.sealed'],
    ['schema/format', 'pledge.date'],
];

describe('template', () => {
  const text = applicationTemplate({ companyName: COMPANY, today: TODAY });

  it('parses without YAML problems and has every section of the format, in the schema order', () => {
    const parsed = parseApplication(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(Object.keys(parsed.value as object), Object.keys(applicationSchema.properties));
  });

  it('produces exactly the expected findings (with attachments missing)', () => {
    const { findings } = validate(text, { today: TODAY, files: allMissing });
    assert.deepEqual(
      findings.map((f) => [f.code, displayPath(f.data.path)]),
      EXPECTED.map((e) => [...e]),
    );
  });

  for (const [name, files] of [
    ['without an attachment probe', undefined],
    ['with every attachment missing', allMissing],
  ] as const) {
    it(`has findings only on placeholder lines (${name})`, () => {
      const { findings } = validate(text, { today: TODAY, ...(files ? { files } : {}) });
      const lines = new LineIndex(text);
      const rows = text.split('\n');
      assert.ok(findings.length > 20, 'the placeholders are reported');
      for (const f of findings) {
        const line = rows[lines.positionAt(f.range.start).line] ?? '';
        assert.ok(isPlaceholderLine(line), `${f.code} ${displayPath(f.data.path)} on a line without a placeholder: ${line}`);
      }
    });
  }

  it('has no finding of another kind: no unknown key, no missing property, no YAML error', () => {
    const { findings } = validate(text, { today: TODAY, files: allMissing });
    const codes = new Set(findings.map((f) => f.code));
    for (const code of ['schema/additionalProperties', 'schema/required', 'internal/server-error'])
      assert.ok(!codes.has(code), code);
    assert.ok(![...codes].some((c) => c.startsWith('yaml/') || c.startsWith('internal/')));
  });

  it('writes the company name into applicant.name and licence.holder_name, and today as the date', () => {
    const value = parseApplication(text).value as Record<string, Record<string, unknown>>;
    assert.equal(value['applicant']?.['name'], COMPANY);
    assert.equal(value['licence']?.['holder_name'], COMPANY);
    assert.equal(value['application']?.['date'], TODAY);
    assert.match(text, /^# 全网呼叫中心 95 号码申请 —— 杭州示例科技有限公司$/m);
  });

  const names: [string, string][] = [
    ['a plain Chinese name', '北京某某信息技术有限公司'],
    ['a colon and a hash', 'A: B # C'],
    ['quotes', '"云声" 科技'],
    ['a leading dash', '- 公司'],
    ['a boolean-looking name', 'yes'],
    ['a number-looking name', '12345'],
    ['a backslash', 'a\\b'],
    ['line breaks (collapsed)', '杭州\n云声  公司'],
  ];
  for (const [what, name] of names) {
    it(`keeps a company name with ${what} as the same string`, () => {
      const t = applicationTemplate({ companyName: name, today: TODAY });
      const parsed = parseApplication(t);
      assert.deepEqual(parsed.errors, [], t.split('\n').slice(0, 12).join('\n'));
      const want = name.replace(/\s+/g, ' ').trim();
      const value = parsed.value as Record<string, Record<string, unknown>>;
      assert.equal(value['applicant']?.['name'], want);
      assert.equal(value['licence']?.['holder_name'], want);
    });
  }

  it('keeps a placeholder for an empty company name', () => {
    const t = applicationTemplate({ companyName: '  ', today: TODAY });
    const value = parseApplication(t).value as Record<string, Record<string, unknown>>;
    assert.equal(value['applicant']?.['name'], '待填写');
  });

  const fileNames: [string, string][] = [
    [COMPANY, `${COMPANY}.app95.yaml`],
    ['  A/B:C*D?  ', 'A_B_C_D_.app95.yaml'],
    ['..隐藏', '隐藏.app95.yaml'],
    ['', '新申请.app95.yaml'],
  ];
  for (const [name, want] of fileNames) {
    it(`names the file for ${JSON.stringify(name)}`, () => assert.equal(templateFileName(name), want));
  }

  it('selects the first placeholder value: the credit code', () => {
    const first = firstPlaceholder(text);
    assert.ok(first);
    assert.equal(text.slice(first.start, first.end), '待填写');
    const line = text.slice(text.lastIndexOf('\n', first.start) + 1, text.indexOf('\n', first.start));
    assert.match(line, /^ {2}credit_code: 待填写 +# /);
  });

  it('finds placeholder values, not placeholders in comments, and whole 请填写 texts', () => {
    const sample = [
      'a: 待填写   # 待填写：说明',
      'b: 请填写接续流程（经关口局）  # 注释',
      'c: ["待填写"]',
      'd: 附件/x.pdf  # 待填写：放在此路径',
      'e: [待填写]',
    ].join('\n');
    assert.deepEqual(
      placeholderRanges(sample).map((r) => sample.slice(r.start, r.end)),
      ['待填写', '请填写接续流程（经关口局）', '待填写', '待填写'],
    );
    assert.equal(firstPlaceholder('a: 1\n'), undefined);
  });

  it('recognises placeholder lines by a value or a comment, and a filled line is not one', () => {
    assert.ok(isPlaceholderLine('  legal_rep: 待填写'));
    assert.ok(isPlaceholderLine('  file: x.pdf  # 待填写：扫描件'));
    assert.ok(!isPlaceholderLine('  seats: 80'));
  });
});
