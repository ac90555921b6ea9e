/**
 * Completion, hover, outline and folding over the bundled server (dist/server.js, stdio): the
 * capabilities, completion items and their order at given positions of the complete sample and of
 * text being typed (the document changed incrementally, as an editor does), hover content in both
 * locales, the hierarchical outline and the folding ranges — and request timings on the sample.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  MarkupContent,
  Position,
} from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const COMPLETE_NAME = '杭州云声.app95.yaml';

describe('completion, hover, outline and folding over stdio (dist/server.js)', function () {
  let work: string | undefined;
  let text: string;
  let zh!: LspClient;
  let en!: LspClient;
  let capabilities!: InitializeResult['capabilities'];
  let counter = 0;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-features-'));
    cpSync(COMPLETE_DIR, work, { recursive: true });
    text = readFileSync(path.join(COMPLETE_DIR, COMPLETE_NAME), 'utf8');
    zh = LspClient.start('stdio');
    en = LspClient.start('stdio');
    capabilities = (await zh.initialize({ locale: 'zh-cn' })).capabilities;
    await en.initialize({ locale: 'en' });
  });

  after(async function () {
    for (const client of [zh, en]) {
      if (client === undefined) continue;
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    for (const client of [zh, en])
      assert.deepEqual(
        client.logs.filter((l) => l.type === 1),
        [],
        'the server logged no errors',
      );
  });

  /** Opens `content` as a fresh document next to the sample's attachments. */
  async function open(client: LspClient, content: string): Promise<string> {
    const uri = fileUri(path.join(work!, `features-${++counter}.app95.yaml`));
    await client.open(uri, content);
    return uri;
  }

  function positionOf(content: string, offset: number): Position {
    const before = content.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  async function complete(
    client: LspClient,
    uri: string,
    position: Position,
    triggerCharacter?: string,
  ): Promise<CompletionList> {
    const list = await client.request<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter },
    });
    assert.ok(list, 'a completion list');
    return list;
  }

  /** Items in the editor's order (sortText). */
  function ordered(list: CompletionList): CompletionItem[] {
    return [...list.items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));
  }

  async function hover(client: LspClient, uri: string, position: Position): Promise<Hover | null> {
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  it('declares completion with its trigger characters, hover, document symbols and folding', function () {
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [':', ' ', '-', '[', ',', '"']);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
  });

  it('completes the cities of the entry’s province inside a flow list of the sample', async function () {
    const needle = 'cities: [杭州市, 宁波市, 温州市]';
    const content = text.replace(needle, 'cities: [杭州市, ]');
    const uri = await open(zh, content);
    const offset = content.indexOf('cities: [杭州市, ]') + 'cities: [杭州市, '.length;
    const list = await complete(zh, uri, positionOf(content, offset), ' ');
    const items = ordered(list);
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['宁波市', '温州市', '嘉兴市'],
    );
    assert.ok(!items.some((i) => i.label === '杭州市'), 'a listed city is not offered again');
    const ningbo = items[0]!;
    assert.equal(ningbo.detail, '代码 330200');
    assert.equal(ningbo.labelDetails?.description, '浙江省');
    assert.ok(ningbo.textEdit && 'range' in ningbo.textEdit);
    assert.deepEqual(ningbo.textEdit.range, {
      start: positionOf(content, offset),
      end: positionOf(content, offset),
    });
    await zh.close(uri);
  });

  it('follows typing: an incremental edit `- province: 浙` completes 浙江省 over the typed text', async function () {
    const start = 'apiVersion: miit95/v1\nusage:\n  area:\n';
    const uri = await open(zh, start);
    await zh.edit(uri, [{ offset: start.length, text: '    - province: 浙' }]);
    const content = `${start}    - province: 浙`;
    const list = await complete(zh, uri, positionOf(content, content.length));
    assert.equal(list.isIncomplete, true, 'a filtered list is asked for again');
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['浙江省'],
    );
    const edit = list.items[0]!.textEdit;
    assert.ok(edit && 'range' in edit);
    assert.equal(zh.covered(uri, 2, edit.range), '浙');
    assert.equal(edit.newText, '浙江省');
    await zh.close(uri);
  });

  it('offers the sections as indented snippets, absent ones only', async function () {
    const content = 'apiVersion: miit95/v1\napplicant:\n  name: 杭州云声\n';
    const uri = await open(zh, content);
    const items = ordered(await complete(zh, uri, positionOf(content, content.length)));
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['licence', 'number', 'usage'],
    );
    assert.ok(!items.some((i) => i.label === 'applicant' || i.label === 'apiVersion'));
    const schedule = items.find((i) => i.label === 'schedule');
    assert.ok(schedule?.textEdit);
    assert.equal(schedule.textEdit.newText, 'schedule:\n  - province: $1');
    assert.equal(schedule.insertTextFormat, 2, 'snippet');
    assert.equal(schedule.insertTextMode, 1, 'as is: the indentation is absolute');
    assert.equal(schedule.labelDetails?.description, '启用实施进度（材料8）（必填）');
    assert.equal((schedule.documentation as MarkupContent).kind, 'markdown');
    await zh.close(uri);
  });

  it('completes enum values after `key:` and re-triggers after a key', async function () {
    const content = 'tech:\n  access:\n    mode:';
    const uri = await open(zh, content);
    const list = await complete(zh, uri, positionOf(content, content.length), ':');
    assert.deepEqual(
      ordered(list).map((i) => i.label),
      ['三网全直联', '部分直联', '转接'],
    );
    assert.equal(ordered(list)[0]!.textEdit?.newText, ' 三网全直联');
    const keyContent = 'tech:\n  access:\n    links:\n      - id: ct\n        ';
    const keyUri = await open(zh, keyContent);
    const carrier = (await complete(zh, keyUri, positionOf(keyContent, keyContent.length))).items.find(
      (i) => i.label === 'carrier',
    );
    assert.equal(carrier?.command?.command, 'editor.action.triggerSuggest');
    await zh.close(uri);
    await zh.close(keyUri);
  });

  it('gives nothing for a space typed as indentation', async function () {
    const content = 'tech:\n  ';
    const uri = await open(zh, content);
    const list = await complete(zh, uri, positionOf(content, content.length), ' ');
    assert.deepEqual(list.items, []);
    await zh.close(uri);
  });

  it('hovers a candidate number with its length, segment and annual fee', async function () {
    const uri = await open(zh, text);
    const h = await hover(zh, uri, positionOf(text, text.indexOf('"95079"') + 2));
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /\*\*95079\*\* · 5 位 · 950 号段（基本号码 5 位） · 年占用费 ¥240,000/);
    assert.match(value, /\[R-NUMBER-001\]\(file:\/\/.*docs\/rules\/R-NUMBER-001\.md\)/);
    assert.ok(h.range);
    assert.equal(zh.covered(uri, 1, h.range), '"95079"');
    await zh.close(uri);
  });

  it('hovers tech.seats with the Erlang C requirement, in English for an English session', async function () {
    const uri = await open(en, text);
    const h = await hover(en, uri, positionOf(text, text.indexOf('  seats: 80') + 3));
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /at least \*\*66\*\* seats/);
    assert.match(value, /\*\*Planned seats\*\* · 规划坐席数/);
    assert.equal(en.covered(uri, 1, h.range!), 'seats');
    await en.close(uri);
  });

  it('hovers a finding with its message and rule', async function () {
    const content =
      'apiVersion: miit95/v1\ntech:\n  traffic_forecast:\n    busy_hour_calls: 1200\n    average_handle_time_s: 180\n  seats: 10\n';
    const uri = await open(zh, content);
    const h = await hover(zh, uri, positionOf(content, content.indexOf('seats: 10') + 7));
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /\*\*R-TECH-001\*\* · 警告: .*至少需要 66 个坐席，规划为 10 个/);
    assert.match(value, /\[规则说明\]\(file:\/\/.*R-TECH-001\.md\)/);
    await zh.close(uri);
  });

  it('returns the outline by section with Chinese names and nested items', async function () {
    const uri = await open(zh, text);
    const symbols = await zh.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(
      symbols.slice(0, 4).map((s) => s.name),
      ['格式版本', '申请信息', '材料1 申请单位', '材料2 增值电信业务经营许可证'],
    );
    const tech = symbols.find((s) => s.name === '材料7 技术方案');
    assert.ok(tech);
    assert.equal(tech.kind, 2, 'a section is a Module');
    assert.equal(zh.covered(uri, 1, tech.selectionRange), 'tech');
    const links = tech.children?.find((c) => c.name === 'access')?.children?.find((c) => c.name === 'links');
    assert.deepEqual(
      links?.children?.map((c) => `${c.name} ${c.detail ?? ''}`),
      ['ct-hz 中国电信', 'cm-hz 中国移动', 'cu-hz 中国联通'],
    );
    const schedule = symbols.find((s) => s.name === '材料8 启用实施进度');
    assert.equal(schedule?.children?.[0]?.detail, '批准后第 1 个月');
    const english = await en.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: await open(en, text) },
    });
    assert.equal(english[2]?.name, 'Material 1: Applicant');
    await zh.close(uri);
  });

  it('returns folding ranges for sections and list items', async function () {
    const uri = await open(zh, text);
    const ranges = await zh.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = text.split('\n');
    const folds = ranges.map((r) => `${lines[r.startLine]?.trim()} … ${lines[r.endLine]?.trim()}`);
    assert.ok(
      folds.includes(
        'tech: … 通过 SS7-ISUP 直联杭州联通关口局，实现三网全直联；各省用户呼叫经本网关口局汇接至平台。',
      ),
      folds.join('\n'),
    );
    assert.ok(folds.includes('- id: ct-hz … trunks: 120'));
    assert.ok(folds.includes('- province: 浙江省 … month_offset: 1'));
    await zh.close(uri);
  });

  it('answers hover and completion on the sample in a few milliseconds', async function () {
    const uri = await open(zh, text);
    const hoverAt = positionOf(text, text.indexOf('"95079"') + 2);
    const completeAt = positionOf(text, text.indexOf('mode: 三网全直联') + 'mode: '.length);
    await hover(zh, uri, hoverAt); // the analysis of this version is computed once, here
    const rounds = 20;
    let start = performance.now();
    for (let i = 0; i < rounds; i++) await hover(zh, uri, hoverAt);
    const hoverMs = (performance.now() - start) / rounds;
    start = performance.now();
    for (let i = 0; i < rounds; i++) await complete(zh, uri, completeAt);
    const completeMs = (performance.now() - start) / rounds;
    // Round trips over stdio included; the budget is generous for a loaded CI machine.
    assert.ok(hoverMs < 50, `hover ${hoverMs.toFixed(1)} ms`);
    assert.ok(completeMs < 50, `completion ${completeMs.toFixed(1)} ms`);
    process.stdout.write(
      `      hover ${hoverMs.toFixed(1)} ms, completion ${completeMs.toFixed(1)} ms per request (round trip)\n`,
    );
    await zh.close(uri);
  });
});
