/**
 * Property test of the diagram layout over generated topologies the schema allows: 1–6 platform
 * sites (centralised or distributed), 1–20 access links over the four carriers, direct or through a
 * transit (`via`), several gateways per carrier, with or without routing, long Chinese names. For
 * each: no two node boxes overlap, no edge label overlaps a box or another label, every box, label,
 * the title and the legend (one entry per kind drawn) lie inside the figure, and the figure is placed
 * inside an A4 page (portrait, or landscape when wide).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDiagram, NODE_KIND_LABELS } from '../../../server/src/core/export';
import { layoutDiagram, type DiagramLayout } from '../../../server/src/node/export';
import { EDGE_LABEL_SIZE, LEGEND_BAND, TITLE_BAND, textWidth } from '../../../server/src/node/export/diagram-layout';
import { placeDiagram } from '../../../server/src/node/export/docx-render';

const CARRIERS = ['中国电信', '中国移动', '中国联通', '中国广电'];
const PLACES = [
  ['浙江省', '杭州市'],
  ['广东省', '广州市'],
  ['北京市', '北京市'],
  ['四川省', '成都市'],
  ['上海市', '上海市'],
  ['新疆维吾尔自治区', '乌鲁木齐市'],
] as const;

const name = (base: string): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(base), fc.constant(`${base}（第二期扩容工程新建机房）`), fc.constant(`${base}业务平台灾备中心节点`));

const topology = fc.record({
  applicant: fc.constantFrom('杭州云声信息技术有限公司', '新疆维吾尔自治区某某呼叫中心服务有限责任公司'),
  sites: fc.array(fc.record({ place: fc.integer({ min: 0, max: 5 }), name: name('呼叫中心平台'), seats: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 6 }),
  links: fc.array(
    fc.record({
      carrier: fc.integer({ min: 0, max: 3 }),
      place: fc.integer({ min: 0, max: 5 }),
      gateway: name('关口局'),
      via: fc.option(fc.constantFrom('经中国电信关口局转接', '经本地汇接局转接'), { nil: undefined }),
      signalling: fc.constantFrom('SIP', 'SIP-I', 'SS7-ISUP'),
      trunks: fc.integer({ min: 1, max: 2000 }),
    }),
    { minLength: 1, maxLength: 20 },
  ),
  routed: fc.boolean(),
});

type Topology = typeof topology extends fc.Arbitrary<infer T> ? T : never;

function application(t: Topology): unknown {
  const sites = t.sites.map((s, i) => ({
    id: `s${i}`,
    name: `${PLACES[s.place]![1]}${s.name}`,
    province: PLACES[s.place]![0],
    city: PLACES[s.place]![1],
    seats: s.seats,
  }));
  const links = t.links.map((l, i) => ({
    id: `l${i}`,
    carrier: CARRIERS[l.carrier],
    gateway: `${PLACES[l.place]![1]}${CARRIERS[l.carrier]!.slice(2)}${l.gateway}`,
    province: PLACES[l.place]![0],
    city: PLACES[l.place]![1],
    signalling: l.signalling,
    trunks: l.trunks,
    ...(l.via !== undefined ? { via: l.via } : {}),
  }));
  return {
    applicant: { name: t.applicant },
    number: { candidates: ['95079'] },
    tech: { platform: { mode: sites.length > 1 ? '分散设置' : '集中设置', sites }, access: { links } },
    ...(t.routed ? { dialing: { routing: links.map((l, i) => ({ link: l.id, site: sites[i % sites.length]!.id })) } } : {}),
  };
}

interface Rect {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function overlap(a: Rect, b: Rect): boolean {
  const eps = 0.5;
  return a.x < b.x + b.w - eps && b.x < a.x + a.w - eps && a.y < b.y + b.h - eps && b.y < a.y + a.h - eps;
}

function problems(layout: DiagramLayout): string[] {
  const out: string[] = [];
  const boxes: Rect[] = layout.nodes.map((n) => ({ what: `node ${n.label}`, x: n.x, y: n.y, w: n.width, h: n.height }));
  const labels: Rect[] = layout.edges.flatMap((e) => {
    if (e.label === undefined || e.labelAt === undefined) return [];
    const w = Math.max(e.labelWidth, textWidth(e.label, EDGE_LABEL_SIZE) + 10);
    const h = EDGE_LABEL_SIZE + 8;
    return [{ what: `label ${e.label} (${e.from}→${e.to})`, x: e.labelAt.x - w / 2, y: e.labelAt.y - h / 2, w, h }];
  });
  const all = [...boxes, ...labels];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) if (overlap(all[i]!, all[j]!)) out.push(`${all[i]!.what} overlaps ${all[j]!.what}`);
  for (const r of all) {
    if (r.x < 0 || r.x + r.w > layout.width || r.y < TITLE_BAND - 1 || r.y + r.h > layout.height - LEGEND_BAND + 1)
      out.push(`${r.what} outside the figure (${r.x},${r.y} ${r.w}×${r.h} in ${layout.width}×${layout.height})`);
  }
  const kinds = new Set(layout.nodes.map((n) => n.kind));
  const legend = layout.legend;
  const shown = new Set(legend.map((l) => l.kind));
  for (const kind of kinds) if (!shown.has(kind)) out.push(`legend lacks ${NODE_KIND_LABELS[kind]}`);
  for (const entry of legend) {
    if (entry.x < 0 || entry.x + entry.width > layout.width) out.push(`legend entry ${entry.label} outside the figure`);
    if (entry.y < layout.height - LEGEND_BAND || entry.y > layout.height) out.push(`legend entry ${entry.label} not in the legend band`);
  }
  if (textWidth(layout.title, 18, true) > layout.width) out.push('the title is wider than the figure');
  return out;
}

describe('diagram layout: every topology the schema allows (property)', function () {
  this.timeout(120_000);

  it('no overlapping boxes or labels, everything inside the figure, the legend kept, placed on an A4 page', () => {
    fc.assert(
      fc.property(topology, (t) => {
        const layout = layoutDiagram(buildDiagram(application(t)));
        assert.deepEqual(problems(layout), []);
        const place = placeDiagram(layout);
        const page = place.landscape ? { w: 910, h: 604 } : { w: 582, h: 933 };
        assert.ok(layout.width * place.scale <= page.w + 0.5 && layout.height * place.scale <= page.h, JSON.stringify(place));
      }),
      { numRuns: 60 },
    );
  });

  it('finds an overlap when there is one (the check can fail)', () => {
    const layout = layoutDiagram(buildDiagram(application({ applicant: '杭州云声信息技术有限公司', sites: [{ place: 0, name: '平台', seats: 1 }], links: [{ carrier: 0, place: 0, gateway: '关口局', signalling: 'SIP', trunks: 1, via: undefined }, { carrier: 1, place: 0, gateway: '关口局', signalling: 'SIP', trunks: 1, via: undefined }], routed: false })));
    const [a, b] = layout.nodes;
    const moved = { ...layout, nodes: [a!, { ...b!, x: a!.x, y: a!.y }, ...layout.nodes.slice(2)] };
    assert.ok(problems(moved).some((p) => p.includes('overlaps')), JSON.stringify(problems(moved)));
  });
});
