// The form model (core/form/model.ts): pages per material in the outline's order, fields with their
// schema titles, widgets and pickers, every finding on a field, the live figures, read-only while
// the text does not parse; on the complete sample, on `miit95 init`'s template and on broken text.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildFormModel, validate, type FormField, type FormModel, type Locale } from '../../../server/src/core';
import { applicationTemplate } from '../../../server/src/core/template';

const COMPLETE = readFileSync(path.join(__dirname, '../../../samples/complete/杭州云声.app95.yaml'), 'utf8');
const TODAY = '2026-12-01';
const TEMPLATE = applicationTemplate({ companyName: '测试公司', today: TODAY });

function modelOf(text: string, locale: Locale = 'zh-cn'): { model: FormModel; findings: number } {
  const result = validate(text, { today: TODAY });
  return { model: buildFormModel({ parsed: result.document, findings: result.findings, locale, today: TODAY }), findings: result.findings.length };
}

function allFields(model: FormModel): FormField[] {
  const out: FormField[] = [];
  const walk = (f: FormField): void => {
    out.push(f);
    for (const c of f.children ?? []) walk(c);
    for (const i of f.items ?? []) walk(i);
  };
  for (const page of model.pages) for (const f of page.fields) walk(f);
  return out;
}

function field(model: FormModel, id: string): FormField {
  const found = allFields(model).find((f) => f.id === id);
  assert.ok(found, `field ${id} exists`);
  return found;
}

describe('form/model', () => {
  it('has a page per material 1…12 in order, then the general page, all complete on the complete sample', () => {
    const { model } = modelOf(COMPLETE);
    assert.deepEqual(model.pages.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0]);
    assert.deepEqual(model.pages.map((p) => p.status), Array(13).fill('complete'));
    assert.equal(model.editable, true);
    assert.equal(model.syntaxError, undefined);
    assert.deepEqual({ complete: model.figures.complete, total: model.figures.total, errors: model.figures.errors }, { complete: 12, total: 12, errors: 0 });
    assert.deepEqual(allFields(model).flatMap((f) => f.findings), []);
    assert.deepEqual(model.pages[12]?.fields.map((f) => f.id), ['/apiVersion', '/application', '/outbound']);
  });

  it('titles fields in Chinese or English from the schemas', () => {
    const zh = modelOf(COMPLETE, 'zh-cn').model;
    const en = modelOf(COMPLETE, 'en').model;
    assert.equal(zh.pages[0]?.title, '申请单位基本信息及营业执照');
    assert.equal(en.pages[0]?.title, 'Applicant details and business licence');
    assert.equal(field(zh, '/applicant/credit_code').label, '统一社会信用代码');
    assert.match(field(en, '/applicant/credit_code').label, /credit code/i);
    assert.match(field(zh, '/applicant/credit_code').help ?? '', /18 位/);
    assert.equal(field(zh, '/applicant/credit_code').example, '91330106MA2H7K3D4M');
  });

  it('picks widgets from the schema and the reference data', () => {
    const { model } = modelOf(COMPLETE);
    const widget = (id: string): string => field(model, id).widget;
    assert.equal(widget('/applicant/registered_capital_cny'), 'number');
    assert.equal(field(model, '/applicant/registered_capital_cny').unit, '元');
    assert.equal(widget('/tech/seats'), 'integer');
    assert.equal(widget('/application/date'), 'date');
    assert.equal(widget('/usage/outbound_marketing'), 'boolean');
    assert.equal(widget('/usage/description'), 'textarea');
    assert.equal(widget('/usage/area/0/province'), 'province');
    assert.equal(widget('/usage/area/0/cities/0'), 'city');
    assert.equal(widget('/tech/access/links/0/carrier'), 'carrier');
    assert.equal(widget('/usage/businesses/0'), 'business');
    assert.equal(widget('/number/candidates/0'), 'number95');
    assert.equal(widget('/usage/area'), 'list');
    assert.equal(widget('/applicant/contact'), 'object');
    // Cities of the item's province; area provinces limited to the licence coverage.
    const cities = field(model, '/usage/area/0/cities/0').options?.map((o) => o.value) ?? [];
    assert.ok(cities.includes('杭州市') && cities.includes('宁波市') && !cities.includes('南京市'), cities.join());
    const area = field(model, '/usage/area/0/province').options?.map((o) => o.value) ?? [];
    assert.ok(area.includes('浙江省') && !area.includes('西藏自治区') && !area.includes('全国'), area.join());
    const coverage = field(model, '/licence/coverage/0').options?.map((o) => o.value) ?? [];
    assert.ok(coverage.includes('全国') && coverage.includes('西藏自治区'));
    assert.ok(field(model, '/usage/businesses/0').options?.some((o) => o.label.includes('B24-1')));
  });

  it('shows a candidate number with its segment, length and fee, and the Erlang C seats', () => {
    const { model } = modelOf(COMPLETE);
    assert.deepEqual(field(model, '/number/candidates/0').facts, ['号段 950', '5 位', '¥240,000/年']);
    assert.deepEqual(field(model, '/number/candidates/2').facts, ['号段 952', '6 位', '¥24,000/年']);
    assert.equal(model.figures.seats?.label, '需要 ≥ 66 席以达到 80/20');
    assert.equal(model.figures.fees.length, 3);
  });

  it('puts every finding of the template on its field (none lost), messages as the Problems view has them', () => {
    const { model, findings } = modelOf(TEMPLATE);
    const placed = allFields(model).flatMap((f) => f.findings);
    assert.equal(placed.length + model.otherFindings.length, findings);
    assert.deepEqual(model.otherFindings, []);
    const code = field(model, '/applicant/credit_code');
    assert.equal(code.value, '待填写');
    assert.deepEqual(code.findings.map((f) => f.code), ['schema/pattern']);
    assert.match(code.findings[0]?.message ?? '', /统一社会信用代码/);
    assert.equal(field(model, '/usage/area/0/cities/0').optionsNote, '请先选择省份');
    assert.ok(model.pages.slice(0, 12).some((p) => p.status === 'errors'));
    assert.ok(field(model, '/applicant/contact').addable?.some((a) => a.key === 'mobile'), 'optional mobile offered');
    const at = field(model, '/applicant/legal_rep').at;
    assert.equal(TEMPLATE.split('\n')[at?.line ?? -1]?.slice(at?.character ?? 0, (at?.character ?? 0) + 3), '待填写');
  });

  it('is read-only with the syntax error while the text does not parse', () => {
    const broken = COMPLETE.replace('applicant:\n', 'applicant: [\n');
    const { model } = modelOf(broken);
    assert.equal(model.editable, false);
    assert.ok(model.syntaxError !== undefined && model.syntaxError.message !== '');
    assert.ok(model.syntaxError.at.line > 0);
  });

  it('shows a value of the wrong shape as text, not editable', () => {
    const odd = COMPLETE.replace(/legal_rep: .*\n/u, 'legal_rep: [a, b]\n');
    const { model } = modelOf(odd);
    const rep = field(model, '/applicant/legal_rep');
    assert.equal(rep.editable, false);
    assert.equal(rep.raw, '["a","b"]');
  });
});
