/**
 * The fee preview webview (bundled by esbuild to dist/webview/fee-preview.js, an IIFE for the
 * browser): renders the fee model the extension posts — candidate cards, billing period, first-year
 * payments, a yearly-cost chart (inline SVG), the length comparison, the rate's source and notes —
 * with DOM APIs and `textContent` only (document data never goes through innerHTML). A click on a
 * figure asks the extension to reveal the YAML line it comes from. Reports what it rendered back.
 */
import './fee-preview.css';
import type {
  CandidateFees,
  DataPath,
  DateFigure,
  FeeModel,
  Locale,
  LocalizedText,
  Money,
} from '../../server/src/editor-protocol';
import type { FeePreviewLabels, FromWebview, RenderedSummary, ToWebview } from '../src/preview/protocol';
import { el, format, vscodeApi } from './dom';

const vscode = vscodeApi<FromWebview>();
const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A figure that reveals its source line on click. */
function figure(text: string, path: DataPath, role?: string, className = ''): HTMLButtonElement {
  const button = el('button', `fig ${className}`.trim(), text);
  button.type = 'button';
  if (role) button.dataset['role'] = role;
  button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', path }));
  return button;
}

function money(m: Money, role?: string, className?: string): HTMLButtonElement {
  return figure(m.text, m.path, role, className);
}

function dateFigure(d: DateFigure, labels: FeePreviewLabels): HTMLElement {
  const span = el('span', undefined, undefined, figure(d.date, d.path));
  if (d.assumed) span.append(el('span', 'muted', ` (${labels.assumed})`));
  return span;
}

function section(title: string, ...children: (Node | undefined)[]): HTMLElement {
  return el('section', undefined, undefined, el('h2', undefined, title), ...children);
}

function table(
  head: readonly string[],
  rows: readonly (readonly (Node | string)[])[],
  numeric: readonly boolean[],
): HTMLElement {
  const t = el('table');
  const tr = el('tr');
  head.forEach((h, i) => tr.append(el('th', numeric[i] ? 'num' : undefined, h)));
  t.append(el('thead', undefined, undefined, tr));
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    row.forEach((cell, i) => {
      const td = el('td', numeric[i] ? 'num' : undefined);
      td.append(typeof cell === 'string' ? document.createTextNode(cell) : cell);
      r.append(td);
    });
    body.append(r);
  }
  t.append(body);
  // Scrolls sideways in a narrow panel instead of being cut off.
  return el('div', 'table-wrap', undefined, t);
}

/** '¥1,234' for axis labels (whole yuan). */
function yuan(fen: number): string {
  return `¥${String(Math.round(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** A round axis maximum: 1, 2 or 5 times a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

interface Series {
  readonly digits: number;
  readonly numbers: string[];
  readonly candidate: CandidateFees;
}

function seriesOf(priced: readonly CandidateFees[]): Series[] {
  const out: Series[] = [];
  for (const c of priced) {
    const s = out.find((x) => x.digits === c.digits);
    if (s) s.numbers.push(c.number);
    else out.push({ digits: c.digits, numbers: [c.number], candidate: c });
  }
  return out.sort((a, b) => a.digits - b.digits);
}

/** The yearly-cost bar chart: one group per calendar year, one bar per number length. */
function chart(series: readonly Series[], labels: FeePreviewLabels): HTMLElement | undefined {
  const years = series[0]?.candidate.yearly.map((y) => y.year) ?? [];
  if (years.length === 0) return undefined;
  const width = 520;
  const height = 220;
  const left = 78;
  const right = 12;
  const top = 22;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(...series.flatMap((s) => s.candidate.yearly.map((y) => y.amount.fen))));
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'chart',
    'aria-label': labels.chartLabel,
  });
  root.append(svg('title', {}, labels.chartLabel));
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = top + plotH - (plotH * i) / 4;
    root.append(svg('line', { x1: left, x2: width - right, y1: y, y2: y, class: i === 0 ? 'axis' : 'grid' }));
    root.append(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, yuan(value)));
  }
  const groupW = plotW / years.length;
  const barW = Math.min(44, (groupW * 0.7) / series.length);
  years.forEach((year, yi) => {
    const groupX = left + groupW * yi + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const cost = s.candidate.yearly[yi];
      if (!cost) return;
      const h = cost.amount.fen > 0 ? Math.max(1, (plotH * cost.amount.fen) / max) : 0;
      const x = groupX + si * barW;
      const y = top + plotH - h;
      const bar = svg('rect', { x, y, width: Math.max(1, barW - 4), height: h, class: `bar len${s.digits}` });
      bar.append(
        svg(
          'title',
          {},
          `${year} · ${format(labels.series, s.digits, s.numbers.join(', '))}: ${cost.amount.text}`,
        ),
      );
      bar.addEventListener('click', () => vscode.postMessage({ type: 'reveal', path: cost.amount.path }));
      root.append(bar);
      root.append(
        svg(
          'text',
          { x: x + (barW - 4) / 2, y: y - 4, class: 'value', 'text-anchor': 'middle' },
          cost.amount.text,
        ),
      );
    });
    root.append(
      svg(
        'text',
        { x: left + groupW * yi + groupW / 2, y: height - 8, class: 'tick', 'text-anchor': 'middle' },
        String(year),
      ),
    );
  });
  const legend = el('div', 'legend');
  for (const s of series) {
    legend.append(
      el('span', `swatch len${s.digits}`),
      el('span', 'legend-label', format(labels.series, s.digits, s.numbers.join(', '))),
    );
  }
  const figureEl = el('figure', 'chart-box');
  figureEl.append(root, legend);
  return figureEl;
}

function reasonText(c: CandidateFees, labels: FeePreviewLabels): string {
  switch (c.unpricedReason) {
    case 'segment':
      return labels.reasonSegment;
    case 'length':
      return labels.reasonLength;
    default:
      return labels.reasonNotANumber;
  }
}

function card(c: CandidateFees, labels: FeePreviewLabels): HTMLElement {
  const head = el(
    'div',
    'card-head',
    undefined,
    el('span', 'choice', format(labels.preference, c.preference)),
    figure(c.number, c.path, 'number', 'number'),
  );
  const meta = el(
    'div',
    'muted',
    [
      c.segment ? `${labels.segment} ${c.segment}` : undefined,
      c.digits > 0 ? `${c.digits} ${labels.digits}` : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(' · '),
  );
  const box = el('div', `card${c.priced ? '' : ' unpriced'}`, undefined, head, meta);
  box.dataset['number'] = c.number;
  if (c.annual && c.monthly) {
    box.append(
      el('div', 'label', labels.annualFee),
      el('div', 'big', undefined, money(c.annual, 'annual'), el('span', 'unit', ` ${labels.perYear}`)),
      el('div', 'label', labels.monthly),
      el('div', undefined, undefined, money(c.monthly, 'monthly'), el('span', 'unit', ` ${labels.perMonth}`)),
    );
  } else {
    box.append(el('div', 'label', labels.notPriced), el('div', 'muted', reasonText(c, labels)));
  }
  return box;
}

function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

function renderModel(message: Extract<ToWebview, { type: 'model' }>): HTMLElement[] {
  const { model, labels, locale } = message;
  const out: HTMLElement[] = [];
  out.push(
    el(
      'header',
      undefined,
      undefined,
      el('h1', undefined, labels.heading),
      el('div', 'muted', `${message.fileName} · ${format(labels.asOf, model.asOf)}`),
    ),
  );
  out.push(sourceBlock(model, labels, locale));
  if (model.blockedBy > 0) {
    out.push(blockedBlock(model, labels, locale));
    out.push(notesBlock(model, labels, locale));
    return out;
  }
  out.push(el('div', 'cards', undefined, ...model.candidates.map((c) => card(c, labels))));

  if (model.billingStart) {
    const dl = el('dl', 'facts');
    dl.append(
      el('dt', undefined, labels.billingStart),
      el('dd', undefined, undefined, dateFigure(model.billingStart, labels)),
    );
    if (model.validity) {
      dl.append(
        el('dt', undefined, labels.validUntil),
        el('dd', undefined, undefined, dateFigure(model.validity.until, labels)),
        el('dt', undefined, labels.billedMonths),
        el('dd', undefined, String(model.validity.months)),
      );
    }
    out.push(section(labels.billing, dl));
  }

  const priced = model.candidates.filter((c) => c.priced);
  if (priced.length > 0 && model.firstYearQuarters.length > 0) {
    const rows = model.firstYearQuarters.map((q, i) => {
      const first = priced[0]?.firstYear[i];
      const months = el('span', undefined, String(q.months));
      // The billed months of the quarter, e.g. "2027-04 – 2027-06", as a tooltip.
      if (first)
        months.title =
          first.firstMonth === first.lastMonth
            ? first.firstMonth
            : `${first.firstMonth} – ${first.lastMonth}`;
      return [
        q.label,
        months,
        dateFigure(q.due, labels),
        ...priced.map((c) => {
          const payment = c.firstYear[i];
          return payment ? money(payment.amount) : '';
        }),
      ];
    });
    const months = model.firstYearQuarters.reduce((sum, q) => sum + q.months, 0);
    rows.push([
      labels.total,
      String(months),
      '',
      ...priced.map((c) => (c.firstYearTotal ? money(c.firstYearTotal) : '')),
    ]);
    out.push(
      section(
        labels.firstYear,
        el('p', 'muted', labels.firstYearHelp),
        table([labels.quarter, labels.months, labels.dueBy, ...priced.map((c) => c.number)], rows, [
          false,
          true,
          false,
          ...priced.map(() => true),
        ]),
      ),
    );
  }

  const series = seriesOf(priced);
  const years = priced[0]?.yearly ?? [];
  if (years.length > 0) {
    const rows = years.map((y, i) => [
      String(y.year),
      String(y.months),
      ...priced.map((c) => {
        const cost = c.yearly[i];
        return cost ? money(cost.amount) : '';
      }),
    ]);
    rows.push([
      labels.overValidity,
      String(model.validity?.months ?? ''),
      ...priced.map((c) => (c.validityTotal ? money(c.validityTotal, 'validity-total') : '')),
    ]);
    out.push(
      section(
        labels.yearly,
        chart(series, labels),
        table([labels.year, labels.months, ...priced.map((c) => c.number)], rows, [
          false,
          true,
          ...priced.map(() => true),
        ]),
      ),
    );
  }

  const cmp = model.comparison;
  if (cmp) {
    const dl = el('dl', 'facts');
    dl.append(
      el('dt', undefined, labels.savingPerYear),
      el('dd', undefined, undefined, money(cmp.savingPerYear, 'saving-year', 'strong')),
    );
    if (cmp.savingOverValidity && model.validity) {
      dl.append(
        el('dt', undefined, format(labels.savingOverValidity, model.validity.months)),
        el('dd', undefined, undefined, money(cmp.savingOverValidity, 'saving-validity', 'strong')),
      );
    }
    out.push(
      section(
        labels.comparison,
        el(
          'p',
          undefined,
          format(
            labels.comparisonLine,
            cmp.sixDigit.number ?? labels.anySix,
            cmp.sixDigit.annual.text,
            cmp.fiveDigit.number ?? labels.anyFive,
            cmp.fiveDigit.annual.text,
          ),
        ),
        dl,
      ),
    );
  }
  out.push(notesBlock(model, labels, locale));
  out.push(el('p', 'muted hint', labels.clickHint));
  return out;
}

function sourceBlock(model: FeeModel, labels: FeePreviewLabels, locale: Locale): HTMLElement {
  const badge = el(
    'span',
    model.rate.confirmed ? 'badge ok' : 'badge warn',
    model.rate.confirmed ? labels.confirmed : labels.unconfirmed,
  );
  badge.dataset['role'] = 'confirmed';
  const details = el('details', 'rate-details');
  details.append(el('summary', undefined, labels.rateDetails));
  const list = el('ul');
  list.append(el('li', undefined, model.rate.source));
  const seen = new Set<string>();
  for (const c of model.candidates) {
    if (c.rateSource && !seen.has(c.rateSource)) {
      seen.add(c.rateSource);
      list.append(
        el('li', undefined, `${c.digits} ${labels.digits}: ${c.rateSource} (${c.rateStatus ?? ''})`),
      );
    }
  }
  list.append(el('li', 'muted', `fees.json ${model.rate.version} · ${model.rate.date}`));
  details.append(list);
  const line = el(
    'p',
    'source',
    undefined,
    el('span', undefined, pick(model.rate.standard, locale)),
    document.createTextNode(' '),
    badge,
  );
  line.dataset['role'] = 'source';
  return el('div', undefined, undefined, line, details);
}

function blockedBlock(model: FeeModel, labels: FeePreviewLabels, locale: Locale): HTMLElement {
  const heading = el(
    'h2',
    undefined,
    model.blockedBy === 1 ? labels.blockedOne : format(labels.blockedMany, model.blockedBy),
  );
  heading.dataset['role'] = 'blocked';
  const list = el('ul');
  for (const b of model.blocking) {
    list.append(
      el(
        'li',
        undefined,
        undefined,
        figure(b.code, b.path, 'blocking'),
        el('span', undefined, ` ${pick(b.message, locale)}`),
      ),
    );
  }
  return el('div', 'blocked', undefined, heading, el('p', undefined, labels.blockedHelp), list);
}

function notesBlock(model: FeeModel, labels: FeePreviewLabels, locale: Locale): HTMLElement {
  const list = el('ul', 'notes');
  // The unconfirmed standard is already the source line at the top.
  for (const note of model.notes.filter((n) => n.id !== 'rate-unconfirmed')) {
    const item = el('li', undefined, pick(note.text, locale));
    item.dataset['note'] = note.id;
    list.append(item);
  }
  return section(labels.notes, list);
}

function summarize(root: HTMLElement, message: ToWebview): RenderedSummary {
  const model = message.type === 'model' ? message.model : undefined;
  const blocked = root.querySelector('[data-role="blocked"]');
  return {
    uri: message.type === 'model' ? message.uri : '',
    version: message.type === 'model' ? message.version : -1,
    blockedBy: model?.blockedBy ?? 0,
    ...(blocked?.textContent ? { blockedText: blocked.textContent } : {}),
    candidates: Array.from(root.querySelectorAll<HTMLElement>('.card')).map((c) => ({
      number: c.querySelector('[data-role="number"]')?.textContent ?? '',
      annual: c.querySelector('[data-role="annual"]')?.textContent ?? '',
    })),
    text: (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

function render(message: ToWebview): void {
  const root = document.getElementById('root');
  if (!root) return;
  if (message.type === 'model') {
    document.documentElement.lang = message.locale === 'en' ? 'en' : 'zh-CN';
    root.replaceChildren(...renderModel(message));
  } else {
    root.replaceChildren(el('p', 'muted', message.text));
  }
  vscode.setState(message);
  vscode.postMessage({ type: 'rendered', summary: summarize(root, message) });
}

function isToWebview(data: unknown): data is ToWebview {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'model' || type === 'message';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isToWebview(event.data)) render(event.data);
});

// A webview re-created after being hidden shows its last state at once; the extension then
// sends a fresh model in answer to 'ready'.
const previous = vscode.getState();
if (isToWebview(previous)) render(previous);
vscode.postMessage({ type: 'ready' });
