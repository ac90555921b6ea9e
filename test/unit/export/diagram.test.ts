/**
 * The network organisation diagram: the graph from the topology, the dagre layout (no two node
 * boxes overlap), the SVG (valid XML, every site and carrier labelled, escaped text) and the PNG
 * rasterised from it with a real CJK font.
 */
import * as assert from 'node:assert/strict';
import { parseApplication } from '../../../server/src/core';
import { buildDiagram, type DiagramGraph } from '../../../server/src/core/export';
import { findCjkFont, layoutDiagram, PNG_ZOOM, rasteriseDiagram, renderDiagramSvg } from '../../../server/src/node/export';
import { parseXml, SAMPLE_TEXT } from './helpers';

/** A larger, distributed topology: four carriers, a transit link, three sites. */
const DISTRIBUTED = `
applicant: { name: 测试<公司>&"联合" }
number: { candidates: ["952388"] }
tech:
  platform:
    mode: 分散设置
    sites:
      - { id: bj, name: 北京平台, province: 北京市, city: 北京市, seats: 40 }
      - { id: gz, name: 广州平台, province: 广东省, city: 广州市, seats: 60 }
      - { id: cd, name: 成都灾备平台, province: 四川省, city: 成都市, seats: 20 }
  access:
    mode: 部分直联
    links:
      - { id: ct-bj, carrier: 中国电信, gateway: 北京电信关口局, province: 北京市, city: 北京市, signalling: SIP, trunks: 60 }
      - { id: cm-gz, carrier: 中国移动, gateway: 广州移动关口局, province: 广东省, city: 广州市, signalling: SIP-I, trunks: 90 }
      - { id: cu-gz, carrier: 中国联通, gateway: 广州联通汇接局, province: 广东省, city: 广州市, signalling: SS7-ISUP, trunks: 30, via: 经中国电信广州关口局转接 }
      - { id: cbn-cd, carrier: 中国广电, gateway: 成都广电关口局, province: 四川省, city: 成都市, signalling: SIP, trunks: 10 }
dialing:
  routing:
    - { scenario: 电信用户, carrier: 中国电信, site: bj, link: ct-bj }
    - { scenario: 移动用户, carrier: 中国移动, site: gz, link: cm-gz }
    - { scenario: 移动用户（灾备）, carrier: 中国移动, site: cd, link: cm-gz }
`;

function graphOf(text: string): DiagramGraph {
  return buildDiagram(parseApplication(text).value);
}

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The node rectangles of an SVG, read back with the XML parser. */
function nodeBoxes(svg: string): Box[] {
  const doc = parseXml(svg);
  const groups = doc.getElementsByTagName('g');
  const boxes: Box[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups.item(i)!;
    if (!(g.getAttribute('class') ?? '').split(' ').includes('node')) continue;
    const rect = g.getElementsByTagName('rect').item(0)!;
    boxes.push({
      id: g.getAttribute('id') ?? '',
      x: Number(rect.getAttribute('x')),
      y: Number(rect.getAttribute('y')),
      w: Number(rect.getAttribute('width')),
      h: Number(rect.getAttribute('height')),
    });
  }
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function svgText(svg: string): string {
  const texts = parseXml(svg).getElementsByTagName('text');
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) out.push(texts.item(i)!.textContent ?? '');
  return out.join('\n');
}

describe('export: network organisation diagram', () => {
  it('draws the sample: callers, one network per carrier, every gateway and the platform, linked in order', () => {
    const graph = graphOf(SAMPLE_TEXT);
    const labels = graph.nodes.map((n) => `${n.kind}:${n.label}`);
    assert.deepEqual(labels, [
      'users:全国主叫用户',
      'carrier:中国电信网络',
      'carrier:中国移动网络',
      'carrier:中国联通网络',
      'gateway:杭州电信长途关口局',
      'gateway:杭州移动关口局',
      'gateway:杭州联通关口局',
      'site:杭州呼叫中心平台',
    ]);
    const name = (id: string): string => graph.nodes.find((n) => n.id === id)!.label;
    const edges = graph.edges.map((e) => `${name(e.from)}→${name(e.to)}${e.label ? ` [${e.label}]` : ''}`);
    assert.ok(edges.includes('中国电信网络→杭州电信长途关口局'));
    assert.ok(edges.includes('杭州联通关口局→杭州呼叫中心平台 [SS7-ISUP · 60 路]'));
    assert.ok(edges.includes('全国主叫用户→中国移动网络'));
  });

  for (const [what, text] of [
    ['the sample', SAMPLE_TEXT],
    ['a distributed topology with four carriers and a transit', DISTRIBUTED],
  ] as const) {
    it(`renders ${what} as valid SVG with every site and carrier and no overlapping boxes`, () => {
      const graph = graphOf(text);
      const svg = renderDiagramSvg(layoutDiagram(graph), { draft: false });
      const shown = svgText(svg);
      const app = parseApplication(text).value as {
        tech: { platform: { sites: { name: string }[] }; access: { links: { carrier: string; gateway: string }[] } };
      };
      for (const site of app.tech.platform.sites) assert.ok(shown.includes(site.name), `site ${site.name}`);
      for (const link of app.tech.access.links) {
        assert.ok(shown.includes(link.carrier), `carrier ${link.carrier}`);
        assert.ok(shown.includes(link.gateway), `gateway ${link.gateway}`);
      }
      const boxes = nodeBoxes(svg);
      assert.equal(boxes.length, graph.nodes.length);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          assert.ok(!overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} and ${boxes[j]!.id} overlap`);
      const root = parseXml(svg).documentElement!;
      const width = Number(root.getAttribute('width'));
      const height = Number(root.getAttribute('height'));
      for (const b of boxes) assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height, `${b.id} inside`);
    });
  }

  it('routes a link to the sites its routing names, and draws the transit in between', () => {
    const graph = graphOf(DISTRIBUTED);
    const id = (label: string): string => graph.nodes.find((n) => n.label === label)!.id;
    const has = (from: string, to: string): boolean => graph.edges.some((e) => e.from === id(from) && e.to === id(to));
    assert.ok(has('广州移动关口局', '广州平台') && has('广州移动关口局', '成都灾备平台'));
    assert.ok(!has('广州移动关口局', '北京平台'));
    assert.ok(has('中国联通网络', '经中国电信广州关口局转接') && has('经中国电信广州关口局转接', '广州联通汇接局'));
    assert.ok(has('成都广电关口局', '成都灾备平台'), 'without routing: the site in the same city');
  });

  it('escapes the labels and marks a draft', () => {
    const svg = renderDiagramSvg(layoutDiagram(graphOf(DISTRIBUTED)), { draft: true });
    assert.match(svgText(svg), /测试<公司>&"联合" 网络组织方案图/);
    assert.match(svg, /测试&lt;公司&gt;&amp;&quot;联合&quot;/);
    assert.match(svg, /id="draft-mark"/);
  });

  it('draws nothing for an application without platform and links', () => {
    const graph = graphOf('applicant: { name: 空 }\n');
    assert.equal(graph.nodes.length, 0);
    assert.doesNotThrow(() => parseXml(renderDiagramSvg(layoutDiagram(graph), { draft: false })));
  });

  it('rasterises the SVG into a PNG at 1.5 × its size with the labels drawn (a real CJK font)', async function () {
    this.timeout(60_000);
    const font = findCjkFont();
    if (font === undefined) throw new Error('no CJK font on this machine: bash scripts/install-office-tools.sh');
    const layout = layoutDiagram(graphOf(SAMPLE_TEXT));
    const svg = renderDiagramSvg(layout, { draft: false });
    const png = await rasteriseDiagram(svg, { fontFile: font });
    assert.equal(png.status, 'written', JSON.stringify(png));
    if (png.status !== 'written') return;
    assert.deepEqual([...png.png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.equal(png.png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.equal(png.png.readUInt32BE(16), Math.round(layout.width * PNG_ZOOM));
    assert.equal(png.png.readUInt32BE(20), Math.round(layout.height * PNG_ZOOM));
    // The same drawing without the Chinese labels is a different, smaller image: the labels are drawn.
    const unlabelled = await rasteriseDiagram(svg.replace(/>[^<>]*[\u4e00-\u9fff][^<>]*</g, '><'), { fontFile: font });
    assert.equal(unlabelled.status, 'written');
    if (unlabelled.status !== 'written') return;
    assert.ok(unlabelled.png.length < png.png.length * 0.8, `${unlabelled.png.length} vs ${png.png.length} bytes`);
    // Drawn again: taken from the cache.
    const again = await rasteriseDiagram(svg, { fontFile: font });
    assert.ok(again.status === 'written' && again.cached && again.png.equals(png.png));
  });

  it('draws no PNG when the CJK font named does not exist', async () => {
    const outcome = await rasteriseDiagram('<svg xmlns="http://www.w3.org/2000/svg"/>', { fontFile: '/no/such/font.ttc' });
    assert.deepEqual(outcome, { status: 'no-font' });
  });
});
