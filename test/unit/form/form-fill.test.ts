// Filling `miit95 init`'s template through form edits only (the plan test/e2e/form-fill.json, which
// the real-editor test types into the webview): each step is a form edit on the field's model (the
// value as the webview sends it for that widget), the result has no error, keeps every comment of
// the template and every line that held no placeholder.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  buildFormModel,
  formEditEdits,
  validate,
  type FormField,
  type FormModel,
  type FormScalar,
} from '../../../server/src/core';
import { applicationTemplate } from '../../../server/src/core/template';

interface Step {
  readonly page: number;
  readonly path: string;
  readonly how: 'fill' | 'select' | 'date' | 'addItem';
  readonly value?: string;
}
const plan = JSON.parse(readFileSync(path.join(__dirname, '../../e2e/form-fill.json'), 'utf8')) as {
  company: string;
  steps: Step[];
};
const TODAY = '2026-12-07';

function fieldOf(model: FormModel, page: number, id: string): FormField {
  const walk = (f: FormField): FormField | undefined =>
    f.id === id ? f : [...(f.children ?? []), ...(f.items ?? [])].map(walk).find((x) => x !== undefined);
  const found = model.pages.find((p) => p.number === page)?.fields.map(walk).find((x) => x !== undefined);
  assert.ok(found, `${id} is on page ${page}`);
  return found;
}

/** The value the webview sends for a step: numbers parsed in number boxes, the option's own value. */
function sent(field: FormField, step: Step): FormScalar {
  if (step.how === 'select') {
    const options = field.widget === 'boolean' ? [true, false] : (field.options ?? []).map((o) => o.value);
    const option = options.find((o) => String(o) === step.value);
    assert.ok(option !== undefined, `${step.path}: ${step.value} is a choice (${options.join()})`);
    return option;
  }
  const value = step.value ?? '';
  if ((field.widget === 'number' || field.widget === 'integer') && /^-?\d+(\.\d+)?$/u.test(value)) return Number(value);
  return value;
}

describe('form/fill: the template filled through the form only', () => {
  it('ends with no error, the comments kept, only the placeholders replaced', function () {
    this.timeout(60_000);
    const template = applicationTemplate({ companyName: plan.company, today: TODAY });
    let text = template;
    for (const step of plan.steps) {
      const result = validate(text, { today: TODAY });
      const model = buildFormModel({ parsed: result.document, findings: result.findings, locale: 'zh-cn', today: TODAY });
      assert.equal(model.editable, true);
      const field = fieldOf(model, step.page, step.path);
      assert.ok(field.editable, `${step.path} is editable`);
      const edit = step.how === 'addItem' ? ({ kind: 'addItem', path: field.path } as const) : ({ kind: 'set', path: field.path, value: sent(field, step) } as const);
      const edits = formEditEdits(result.document!, edit, result.findings);
      assert.ok(edits !== undefined && edits.length > 0, `${step.path}: an edit`);
      text = applyEdits(text, edits);
    }
    const final = validate(text, { today: TODAY });
    const errors = final.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.data.path.join('.')}`);
    assert.deepEqual(errors, []);
    const comments = (t: string): string[] => t.split('\n').map((l) => l.replace(/^[^#]*#/u, '#')).filter((l) => l.startsWith('#'));
    assert.deepEqual(comments(text), comments(template), 'every comment of the template is kept');
    // Every line of the template that held no placeholder is still there, in order.
    const lines = text.split('\n');
    let at = 0;
    for (const line of template.split('\n').filter((l) => !/待填写|请填写/u.test(l))) {
      while (at < lines.length && lines[at] !== line) at++;
      assert.ok(at < lines.length, `template line kept: ${line}`);
      at++;
    }
    const model = buildFormModel({ parsed: final.document, findings: final.findings, locale: 'zh-cn', today: TODAY });
    assert.equal(model.figures.complete, 12);
  });
});
