/**
 * Quick fixes and fix-all over the bundled server (dist/server.js, stdio): the capability, the
 * actions offered for a published diagnostic (driven by its data), each edit applied as an editor
 * would and the document validated again (that rule's diagnostic is gone), grouped fixes, the
 * suppression comment, the documentation command, stale diagnostics (no actions), and
 * `source.fixAll.miit95` (safe fixes only, idempotent).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Command,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { assertBundleFresh, fileUri, LspClient, REPO_ROOT, SERVER_BUNDLE } from './client';
import { edited } from '../text-edits';

const COMPLETE_DIR = path.join(REPO_ROOT, 'samples', 'complete');
const COMPLETE = readFileSync(path.join(COMPLETE_DIR, '杭州云声.app95.yaml'), 'utf8');
const SHORT_NAMES = readFileSync(
  path.join(REPO_ROOT, 'samples', 'mistakes', 'short-province-names.app95.yaml'),
  'utf8',
);
const FIX_ALL = 'source.fixAll.miit95';

function isAction(item: CodeAction | Command): item is CodeAction {
  return !('command' in item && typeof item.command === 'string');
}

describe('code actions over stdio (dist/server.js)', function () {
  let work: string | undefined;
  let client!: LspClient;
  let capabilities!: InitializeResult['capabilities'];
  let counter = 0;

  before(async function () {
    assertBundleFresh(SERVER_BUNDLE);
    work = mkdtempSync(path.join(tmpdir(), 'miit95-actions-'));
    cpSync(COMPLETE_DIR, work, { recursive: true });
    client = LspClient.start('stdio');
    capabilities = (await client.initialize({ locale: 'zh-cn' })).capabilities;
  });

  after(async function () {
    if (client !== undefined) {
      const code = await client.stop();
      assert.equal(code, 0, `server exits cleanly; stderr: ${client.stderr}`);
    }
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.deepEqual(
      client.logs.filter((l) => l.type === 1),
      [],
      'the server logged no errors',
    );
  });

  /** Opens `content` next to the sample's attachments; resolves with its first publish. */
  async function open(content: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> {
    const uri = fileUri(path.join(work!, `actions-${++counter}.app95.yaml`));
    const since = client.mark();
    await client.open(uri, content, 1);
    return { uri, published: await client.waitForVersion(uri, 1, since) };
  }

  async function actionsFor(
    uri: string,
    diagnostics: readonly Diagnostic[],
    only?: string[],
  ): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    const result = await client.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only !== undefined ? { only } : {}), triggerKind: 1 },
    });
    return (result ?? []).filter(isAction);
  }

  /** Applies a workspace edit as an editor does; returns the new text and its publish. */
  async function apply(
    uri: string,
    edit: WorkspaceEdit | undefined,
  ): Promise<{ text: string; published: PublishDiagnosticsParams }> {
    const edits = edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, 'the action edits this document');
    const current = TextDocument.create(uri, 'miit95', 0, client.text(uri));
    const text = TextDocument.applyEdits(current, edits);
    const since = client.mark();
    const version = await client.replaceAll(uri, text);
    return { text, published: await client.waitForVersion(uri, version, since) };
  }

  it('declares quick fixes and source.fixAll.miit95', function () {
    const provider = capabilities.codeActionProvider;
    assert.ok(
      typeof provider === 'object' && provider !== null,
      'codeActionProvider is declared with options',
    );
    assert.deepEqual([...(provider.codeActionKinds ?? [])].sort(), ['quickfix', FIX_ALL].sort());
  });

  interface Case {
    readonly name: string;
    readonly mistake: readonly (readonly [string, string])[];
    readonly code: string;
    readonly title: RegExp;
    readonly after: readonly (readonly [string, string])[];
    readonly preferred?: boolean;
  }

  const CASES: readonly Case[] = [
    {
      name: 'province short form → official name (preferred: safe)',
      mistake: [
        ['    - province: 上海市\n    - province: 安徽省', '    - province: 上海\n    - province: 安徽省'],
      ],
      code: 'R-COVERAGE-004',
      title: /^改为“上海市”$/,
      after: [['    - province: 上海\n', '    - province: 上海市\n']],
      preferred: true,
    },
    {
      name: 'misspelt key → rename to the suggestion',
      mistake: [['  business_model: 按坐席', '  bussiness_model: 按坐席']],
      code: 'schema/additionalProperties',
      title: /将“bussiness_model”改为“business_model”/,
      after: [['  bussiness_model: 按坐席', '  business_model: 按坐席']],
      preferred: true,
    },
    {
      name: 'unknown key → removed',
      mistake: [
        [
          '  business_licence_file:',
          '  fax: 0571-88886667                  # 传真\n  business_licence_file:',
        ],
      ],
      code: 'schema/additionalProperties',
      title: /删除属性“fax”/,
      after: [['  fax: 0571-88886667                  # 传真\n', '']],
    },
    {
      name: 'missing required property → inserted with a placeholder',
      mistake: [['  legal_rep: 王建国                     # 法定代表人\n', '']],
      code: 'schema/required',
      title: /补充必填项“legal_rep”/,
      after: [['（18位）\n', '（18位）\n  legal_rep: 待补充（示例：王建国）\n']],
    },
    {
      name: 'fill all missing required fields of number.extension',
      mistake: [['    planned: false\n', '    planned: true\n']],
      code: 'schema/required',
      title: /补全 number\.extension 缺少的全部 3 个必填项/,
      after: [
        [
          '留言回拨请按 9。\n  sms:',
          '留言回拨请按 9。\n    necessity: 待补充\n    plan: 待补充\n    total_length: 8\n  sms:',
        ],
      ],
    },
    {
      name: 'wrong length → the 952 form',
      mistake: [['"95128"', '"950888"']],
      code: 'R-NUMBER-003',
      title: /改为“952888”/,
      after: [['"950888"', '"952888"']],
    },
    {
      name: 'coverage outside the licence → removed from the area',
      mistake: [['广东省, 北京市]', '广东省]']],
      code: 'R-COVERAGE-001',
      title: /从使用范围中删去北京市/,
      after: [['    - province: 北京市\n  description:', '  description:']],
    },
    {
      name: 'missing schedule entry → appended',
      mistake: [['  - province: 北京市\n    month_offset: 6\n', '']],
      code: 'R-SCHEDULE-001',
      title: /补充北京市的开通安排/,
      after: [['    month_offset: 5\n', '    month_offset: 5\n  - province: 北京市\n    month_offset: 5\n']],
    },
    {
      name: 'suppression comment above the finding line',
      mistake: [['"95128"', '"950888"']],
      code: 'R-NUMBER-003',
      title: /忽略 R-NUMBER-003/,
      after: [
        ['  candidates: [', '  # miit95-disable-next-line R-NUMBER-003 -- 请填写原因\n  candidates: ['],
      ],
    },
  ];

  for (const c of CASES) {
    it(`quick fix: ${c.name}`, async function () {
      const before = edited(COMPLETE, c.mistake);
      const { uri, published } = await open(before);
      const diagnostic = published.diagnostics.find((d) => d.code === c.code);
      assert.ok(
        diagnostic,
        `a ${c.code} diagnostic among ${published.diagnostics.map((d) => String(d.code)).join(', ')}`,
      );
      const actions = await actionsFor(uri, [diagnostic]);
      assert.ok(
        actions.every((a) => a.kind === 'quickfix'),
        'only quick fixes without `only`',
      );
      const action = actions.find((a) => c.title.test(a.title));
      assert.ok(action, `an action ${String(c.title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.deepEqual(action.diagnostics, [diagnostic]);
      assert.equal(action.isPreferred === true, c.preferred === true, 'preferred only for a safe first fix');
      const { text, published: after } = await apply(uri, action.edit);
      assert.equal(text, edited(before, c.after));
      assert.deepEqual(
        after.diagnostics.filter((d) => d.code === c.code).map((d) => d.message),
        [],
        `no ${c.code} diagnostic after the fix`,
      );
      await client.close(uri);
    });
  }

  it('offers "show documentation" for a domain rule as the miit95.openRuleDoc command', async function () {
    const { uri, published } = await open(edited(COMPLETE, [['"95128"', '"950888"']]));
    const diagnostic = published.diagnostics.find((d) => d.code === 'R-NUMBER-003');
    assert.ok(diagnostic);
    const docs = (await actionsFor(uri, [diagnostic])).find((a) => a.command !== undefined);
    assert.ok(docs);
    assert.equal(docs.title, '查看 R-NUMBER-003 的规则说明');
    assert.deepEqual(docs.command, {
      title: docs.title,
      command: 'miit95.openRuleDoc',
      arguments: ['R-NUMBER-003'],
    });
    assert.equal(docs.edit, undefined);
    await client.close(uri);
  });

  it('offers nothing for a stale diagnostic (its data.version is not the document version)', async function () {
    const { uri, published } = await open(
      edited(COMPLETE, [
        ['    - province: 上海市\n    - province: 安徽省', '    - province: 上海\n    - province: 安徽省'],
      ]),
    );
    const stale = published.diagnostics.find((d) => d.code === 'R-COVERAGE-004');
    assert.ok(stale);
    assert.ok((await actionsFor(uri, [stale])).length > 0, 'actions while current');
    // Insert a line above: the stale diagnostic's range and path no longer describe the text.
    const since = client.mark();
    const version = await client.edit(uri, [{ offset: 0, text: '# 新的一行\n' }]);
    const fresh = await client.waitForVersion(uri, version, since);
    assert.deepEqual(await actionsFor(uri, [stale]), [], 'no actions for the stale diagnostic');
    const current = fresh.diagnostics.find((d) => d.code === 'R-COVERAGE-004');
    assert.ok(current);
    assert.ok((await actionsFor(uri, [current])).length > 0, 'the current diagnostic has its actions');
    await client.close(uri);
  });

  it('ignores diagnostics of other sources', async function () {
    const { uri, published } = await open(edited(COMPLETE, [['"95128"', '"950888"']]));
    const ours = published.diagnostics.find((d) => d.code === 'R-NUMBER-003');
    assert.ok(ours);
    assert.deepEqual(await actionsFor(uri, [{ ...ours, source: 'other' }]), []);
    await client.close(uri);
  });

  it('fix-all applies the safe fixes only, on request, and a second run changes nothing', async function () {
    const before = edited(SHORT_NAMES, [['  business_model: 按坐席', '  bussiness_model: 按坐席']]).replace(
      '  business_licence_file:',
      '  fax: 0571-88886667\n  business_licence_file:',
    );
    const { uri, published } = await open(before);
    assert.ok(published.diagnostics.some((d) => d.code === 'R-COVERAGE-004'));

    assert.deepEqual(
      (await actionsFor(uri, published.diagnostics)).filter((a) => a.kind === FIX_ALL),
      [],
      'no fix-all without `only`',
    );
    const [fixAll, ...others] = await actionsFor(uri, [], [FIX_ALL]);
    assert.equal(others.length, 0);
    assert.ok(fixAll);
    assert.equal(fixAll.kind, FIX_ALL);
    assert.equal(fixAll.title, '修复所有可安全自动修复的问题（13 处）');
    assert.equal(
      (await actionsFor(uri, [], ['source.fixAll'])).length,
      1,
      'also offered for the parent kind',
    );

    const { text, published: after } = await apply(uri, fixAll.edit);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'R-COVERAGE-004'),
      [],
    );
    assert.match(text, /\n {2}business_model: 按坐席/);
    assert.match(text, /\n {2}fax: 0571-88886667\n/, 'the unknown key is not removed by fix-all');
    assert.deepEqual(await actionsFor(uri, [], [FIX_ALL]), [], 'nothing left to fix: idempotent');
    await client.close(uri);
  });

  it('answers in English for an English session', async function () {
    const en = LspClient.start('stdio');
    try {
      await en.initialize({ locale: 'en' });
      const uri = fileUri(path.join(work!, 'english.app95.yaml'));
      const since = en.mark();
      await en.open(uri, edited(COMPLETE, [['"95128"', '"950888"']]), 1);
      const published = await en.waitForVersion(uri, 1, since);
      const diagnostic = published.diagnostics.find((d) => d.code === 'R-NUMBER-003');
      assert.ok(diagnostic);
      const result = await en.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const titles = result.map((a) => a.title);
      assert.ok(titles.includes('Show documentation for R-NUMBER-003'), JSON.stringify(titles));
      assert.ok(
        titles.some((t) => t.startsWith('Suppress R-NUMBER-003')),
        JSON.stringify(titles),
      );
    } finally {
      assert.equal(await en.stop(), 0);
    }
  });
});
