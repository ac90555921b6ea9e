/**
 * The form view's webview (bundled by esbuild to dist/webview/form.js, an IIFE for the browser):
 * renders the form model the extension posts — a rail of the materials with their state, the figures
 * (completeness, Erlang C seats, fees), and the current page's fields as native, labelled controls —
 * with DOM APIs and `textContent`/`value` only (document data never goes through innerHTML). Each
 * change becomes a form edit posted to the extension, which turns it into a text edit; the model that
 * comes back re-renders the page, keeping focus and any value still being typed. Read-only while the
 * text does not parse. Reports what it rendered back (the real-editor tests wait on it).
 */
import './form.css';
import type { FormEdit, FormField, FormFinding, FormModel, FormPage, FormPosition, FormScalar } from '../../server/src/editor-protocol';
import type { FormLabels, FromWebview, ToWebview } from '../src/form/protocol';
import { el, format, vscodeApi } from './dom';

const vscode = vscodeApi<FromWebview>();
const root = document.getElementById('root') as HTMLElement;

interface SavedState {
  readonly page: number;
}

let model: FormModel | undefined;
let labels: FormLabels | undefined;
let version = 0;
let currentPage = ((vscode.getState() as SavedState | undefined)?.page ?? 1);
/** Controls the user has typed into since their last commit: their value survives a re-render. */
const dirty = new Map<string, string>();
let notice: string | undefined;

function button(text: string, className: string, onClick: () => void, ariaLabel?: string): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  if (ariaLabel !== undefined) b.setAttribute('aria-label', ariaLabel);
  b.addEventListener('click', onClick);
  return b;
}

function send(edit: FormEdit): void {
  vscode.postMessage({ type: 'edit', version, edit });
}

function reveal(at: FormPosition | undefined): void {
  if (at !== undefined) vscode.postMessage({ type: 'reveal', at });
}

/** A DOM id for a field's control (pointers may hold any character). */
function controlId(field: FormField): string {
  return `f${Array.from(field.id, (c) => c.charCodeAt(0).toString(36)).join('-')}`;
}

// ---- values ----

/** What a text box of a number field sends: a number when it reads as one, else the text as typed. */
function parseNumber(text: string): FormScalar {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/u.test(trimmed)) return Number(trimmed);
  return text;
}

function displayValue(value: FormScalar | undefined): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

function commit(field: FormField, value: FormScalar): void {
  dirty.delete(field.id);
  if (field.present && value === field.value) return;
  send({ kind: 'set', path: field.path, value });
}

// ---- controls ----

function describedBy(control: HTMLElement, ids: readonly string[]): void {
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
}

function textControl(field: FormField, readOnly: boolean): HTMLElement {
  const multiline = field.widget === 'textarea';
  const control: HTMLInputElement | HTMLTextAreaElement = multiline ? el('textarea') : el('input');
  if (control instanceof HTMLInputElement) {
    control.type = 'text';
    if (field.widget === 'number' || field.widget === 'integer') control.inputMode = field.widget === 'integer' ? 'numeric' : 'decimal';
  } else {
    control.rows = 3;
  }
  control.value = dirty.get(field.id) ?? displayValue(field.value);
  control.disabled = readOnly;
  control.addEventListener('input', () => dirty.set(field.id, control.value));
  const numeric = field.widget === 'number' || field.widget === 'integer';
  control.addEventListener('change', () => commit(field, numeric ? parseNumber(control.value) : control.value));
  if (control instanceof HTMLInputElement) {
    control.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit(field, numeric ? parseNumber(control.value) : control.value);
    });
  }
  return control;
}

function dateControl(field: FormField, readOnly: boolean): HTMLElement {
  const control = el('input');
  control.type = 'date';
  const value = displayValue(field.value);
  control.value = dirty.get(field.id) ?? (/^\d{4}-\d{2}-\d{2}$/u.test(value) ? value : '');
  control.disabled = readOnly;
  control.addEventListener('input', () => dirty.set(field.id, control.value));
  control.addEventListener('change', () => {
    if (control.value !== '') commit(field, control.value);
  });
  return control;
}

function selectControl(field: FormField, readOnly: boolean, l: FormLabels): HTMLElement {
  const control = el('select');
  control.disabled = readOnly;
  const options: { value: FormScalar; label: string }[] =
    field.widget === 'boolean'
      ? [
          { value: true, label: l.yes },
          { value: false, label: l.no },
        ]
      : [...(field.options ?? [])];
  const current = field.value;
  const known = field.present && options.some((o) => o.value === current);
  if (!field.present || current === null || current === '') {
    control.append(el('option', undefined, l.choose));
  } else if (!known) {
    const option = el('option', 'not-in-options', format(l.notInOptions, displayValue(current)));
    option.selected = true;
    control.append(option);
  }
  const offset = control.options.length;
  for (const o of options) {
    const option = el('option', undefined, o.label);
    option.value = String(o.value);
    if (known && o.value === current) option.selected = true;
    control.append(option);
  }
  control.addEventListener('change', () => {
    const chosen = options[control.selectedIndex - offset];
    if (chosen !== undefined) commit(field, chosen.value);
  });
  return control;
}

function controlFor(field: FormField, readOnly: boolean, l: FormLabels): HTMLElement {
  switch (field.widget) {
    case 'boolean':
    case 'enum':
    case 'province':
    case 'carrier':
    case 'business':
      return selectControl(field, readOnly, l);
    case 'city':
      return (field.options?.length ?? 0) > 0 ? selectControl(field, readOnly, l) : textControl(field, readOnly);
    case 'date':
      return dateControl(field, readOnly);
    default:
      return textControl(field, readOnly);
  }
}

// ---- findings ----

function severityLabel(finding: FormFinding, l: FormLabels): string {
  return finding.severity === 'error' ? l.error : finding.severity === 'warning' ? l.warning : l.info;
}

function findingList(findings: readonly FormFinding[], readOnly: boolean, l: FormLabels, id?: string): HTMLElement | undefined {
  if (findings.length === 0) return undefined;
  const list = el('ul', 'findings');
  if (id !== undefined) list.id = id;
  for (const f of findings) {
    const item = el('li', `finding ${f.severity}`);
    item.append(el('span', 'severity', severityLabel(f, l)), el('span', 'message', f.message), el('span', 'code', f.code));
    for (const fix of f.fixes) {
      const b = button(format(l.fix, fix.title), 'fix', () => send({ kind: 'fix', code: f.code, path: f.path, index: fix.index }));
      b.disabled = readOnly;
      item.append(b);
    }
    list.append(item);
  }
  return list;
}

// ---- fields ----

function showButton(field: FormField, l: FormLabels): HTMLButtonElement {
  return button(l.showInYaml, 'link', () => reveal(field.at), `${l.showInYaml}: ${field.label}`);
}

function removeButton(field: FormField, readOnly: boolean, l: FormLabels): HTMLButtonElement | undefined {
  if (!field.removable || !field.present) return undefined;
  const b = button(l.remove, 'secondary', () => send({ kind: 'remove', path: field.path }), `${l.remove}: ${field.label}`);
  b.disabled = readOnly;
  return b;
}

function leafField(field: FormField, readOnly: boolean, l: FormLabels): HTMLElement {
  const box = el('div', `field${field.findings.some((f) => f.severity === 'error') ? ' has-error' : ''}`);
  box.dataset['field'] = field.id;
  const id = controlId(field);
  const label = el('label', 'label', field.label);
  label.htmlFor = id;
  if (field.required) label.append(el('span', 'required', ` *`));
  if (field.required) label.title = l.required;
  const row = el('div', 'row');
  const described: string[] = [];
  let control: HTMLElement;
  if (!field.editable) {
    control = el('code', 'raw', field.raw ?? '');
    control.tabIndex = 0;
    row.append(control, el('span', 'muted', l.notEditable));
  } else {
    control = controlFor(field, readOnly, l);
    row.append(control);
    if (field.unit !== undefined) row.append(el('span', 'unit', field.unit));
  }
  control.id = id;
  control.dataset['path'] = field.id;
  control.dataset['widget'] = field.widget;
  if (field.required) control.setAttribute('aria-required', 'true');
  if (field.findings.some((f) => f.severity === 'error')) control.setAttribute('aria-invalid', 'true');
  row.append(showButton(field, l));
  const remove = removeButton(field, readOnly, l);
  if (remove) row.append(remove);
  box.append(label, row);
  if (field.facts !== undefined) {
    const facts = el('p', 'facts', field.facts.join(' · '));
    facts.id = `${id}-facts`;
    described.push(facts.id);
    box.append(facts);
  }
  if (field.optionsNote !== undefined) {
    const note = el('p', 'muted small', field.optionsNote);
    note.id = `${id}-note`;
    described.push(note.id);
    box.append(note);
  }
  if (field.help !== undefined || field.example !== undefined) {
    const help = el('p', 'help', field.help ?? '');
    if (field.example !== undefined) help.append(el('span', 'example', ` ${format(l.example, field.example)}`));
    help.id = `${id}-help`;
    described.push(help.id);
    box.append(help);
  }
  const findings = findingList(field.findings, readOnly, l, `${id}-findings`);
  if (findings) {
    described.unshift(`${id}-findings`);
    box.append(findings);
  }
  describedBy(control, described);
  return box;
}

function groupField(field: FormField, readOnly: boolean, l: FormLabels, depth: number): HTMLElement {
  const set = el('fieldset', `group depth-${Math.min(depth, 3)}`);
  set.dataset['field'] = field.id;
  const legend = el('legend', undefined, field.label);
  if (field.required) legend.append(el('span', 'required', ' *'));
  set.append(legend);
  const tools = el('div', 'tools');
  tools.append(showButton(field, l));
  const remove = removeButton(field, readOnly, l);
  if (remove) tools.append(remove);
  set.append(tools);
  if (field.help !== undefined) set.append(el('p', 'help', field.help));
  const findings = findingList(field.findings, readOnly, l);
  if (findings) set.append(findings);
  if (!field.editable) {
    set.append(el('code', 'raw', field.raw ?? ''), el('p', 'muted', l.notEditable));
    return set;
  }
  if (field.widget === 'object') {
    for (const child of field.children ?? []) set.append(renderField(child, readOnly, l, depth + 1));
    const addable = field.addable ?? [];
    if (addable.length > 0) {
      const adds = el('div', 'adds');
      for (const a of addable) {
        const b = button(`+ ${a.label}`, 'secondary add', () => send({ kind: 'addProperty', path: field.path, key: a.key }), format(l.addNamed, a.label));
        b.disabled = readOnly;
        b.dataset['add'] = a.key;
        adds.append(b);
      }
      set.append(adds);
    }
  } else {
    const items = field.items ?? [];
    items.forEach((item, i) => {
      const row = el('div', 'item');
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', format(l.itemActions, i + 1));
      row.append(renderField(item, readOnly, l, depth + 1));
      const moves = el('div', 'moves');
      const up = button('↑', 'icon', () => send({ kind: 'move', path: field.path, from: i, to: i - 1 }), `${l.moveUp}: ${item.label}`);
      const down = button('↓', 'icon', () => send({ kind: 'move', path: field.path, from: i, to: i + 1 }), `${l.moveDown}: ${item.label}`);
      up.disabled = readOnly || i === 0;
      down.disabled = readOnly || i === items.length - 1;
      moves.append(up, down);
      row.append(moves);
      set.append(row);
    });
    const add = button(`+ ${l.add}`, 'secondary add', () => send({ kind: 'addItem', path: field.path }), format(l.addNamed, field.label));
    add.disabled = readOnly;
    add.dataset['addItem'] = field.id;
    set.append(add);
  }
  return set;
}

function renderField(field: FormField, readOnly: boolean, l: FormLabels, depth: number): HTMLElement {
  return field.widget === 'object' || field.widget === 'list' ? groupField(field, readOnly, l, depth) : leafField(field, readOnly, l);
}

// ---- page ----

function statusText(page: FormPage, l: FormLabels): string {
  return page.status === 'complete' ? l.complete : page.status === 'missing' ? l.missing : l.errors;
}

function pageName(page: FormPage): string {
  return page.number === 0 ? page.title : `${page.number}. ${page.title}`;
}

function rail(m: FormModel, l: FormLabels): HTMLElement {
  const nav = el('nav', 'rail');
  nav.setAttribute('aria-label', l.materials);
  const list = el('ol');
  for (const page of m.pages) {
    const mark = page.status === 'complete' ? '✓' : page.status === 'missing' ? '○' : '✗';
    const b = button('', `page-link ${page.status}`, () => {
      currentPage = page.number;
      vscode.setState({ page: currentPage } satisfies SavedState);
      render();
      document.querySelector<HTMLElement>('.page h1')?.focus();
    });
    b.dataset['page'] = String(page.number);
    b.append(el('span', 'mark', mark), el('span', 'name', pageName(page)));
    if (page.errors > 0) b.append(el('span', 'badge', String(page.errors)));
    b.setAttribute('aria-label', `${pageName(page)}: ${statusText(page, l)}${page.errors > 0 ? ` (${page.errors})` : ''}`);
    if (page.number === currentPage) b.setAttribute('aria-current', 'page');
    list.append(el('li', undefined, undefined, b));
  }
  nav.append(list);
  return nav;
}

function figures(m: FormModel, l: FormLabels): HTMLElement {
  const f = m.figures;
  const bar = el('div', 'figures');
  bar.setAttribute('role', 'status');
  bar.append(el('span', 'figure', format(l.completeness, f.complete, f.total)), el('span', 'figure', format(l.counts, f.errors, f.warnings)));
  if (f.seats !== undefined) bar.append(el('span', 'figure', `${l.seats}: ${f.seats.label}`));
  if (f.fees.length > 0) bar.append(el('span', 'figure', `${l.fees}: ${f.fees.map((x) => `${x.number} ${x.text}`).join('；')}`));
  return bar;
}

/** The focused control and its selection, to put back after a re-render. */
function saveFocus(): { path: string; start: number | null; end: number | null } | undefined {
  const active = document.activeElement as HTMLInputElement | null;
  const path = active?.dataset?.['path'];
  if (active === null || path === undefined) return undefined;
  const selectable = active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type === 'text');
  return { path, start: selectable ? active.selectionStart : null, end: selectable ? active.selectionEnd : null };
}

function restoreFocus(saved: ReturnType<typeof saveFocus>): void {
  if (saved === undefined) return;
  const control = [...document.querySelectorAll<HTMLElement>('[data-path]')].find((e) => e.dataset['path'] === saved.path);
  if (control === undefined) return;
  control.focus();
  if ((control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) && saved.start !== null) {
    try {
      control.setSelectionRange(saved.start, saved.end);
    } catch {
      /* not a text control */
    }
  }
}

function render(): void {
  const m = model;
  const l = labels;
  if (m === undefined || l === undefined) return;
  const saved = saveFocus();
  const scroll = window.scrollY;
  const page = m.pages.find((p) => p.number === currentPage) ?? m.pages[0];
  if (page === undefined) return;
  currentPage = page.number;
  const readOnly = !m.editable;
  const main = el('div', 'page');
  const heading = el('h1', undefined, pageName(page));
  heading.tabIndex = -1;
  main.append(heading, figures(m, l));
  if (notice !== undefined) {
    const n = el('p', 'notice', notice);
    n.setAttribute('role', 'alert');
    main.append(n);
  }
  if (readOnly) {
    const banner = el('div', 'banner');
    banner.setAttribute('role', 'alert');
    banner.append(el('p', undefined, l.readOnly));
    if (m.syntaxError !== undefined) {
      const at = m.syntaxError.at;
      banner.append(el('p', 'message', m.syntaxError.message), button(l.showInYaml, 'link', () => reveal(at)));
    }
    main.append(banner);
  }
  if (m.otherFindings.length > 0) {
    const other = el('section', 'other');
    other.append(el('h2', undefined, l.otherFindings));
    const list = findingList(m.otherFindings, readOnly, l);
    if (list) other.append(list);
    main.append(other);
  }
  const form = el('form', 'fields');
  form.setAttribute('aria-label', pageName(page));
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const field of page.fields) form.append(renderField(field, readOnly, l, 0));
  main.append(form);
  root.replaceChildren(el('div', 'layout', undefined, rail(m, l), main));
  window.scrollTo(0, scroll);
  restoreFocus(saved);
  // What is on screen, for the UI tests: the text version and the page.
  document.body.dataset['version'] = String(version);
  document.body.dataset['page'] = String(page.number);
  document.body.dataset['editable'] = String(m.editable);
  vscode.postMessage({
    type: 'rendered',
    summary: { version, page: page.number, editable: m.editable, controls: form.querySelectorAll('input, select, textarea').length },
  });
}

function showMessage(text: string): void {
  root.replaceChildren(el('p', 'muted', text));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'model':
      model = message.model;
      labels = message.labels;
      version = message.version;
      notice = undefined;
      render();
      return;
    case 'message':
      labels = message.labels;
      model = undefined;
      showMessage(message.text);
      return;
    case 'editFailed':
      notice = message.text;
      render();
      return;
  }
});

vscode.postMessage({ type: 'ready' });
