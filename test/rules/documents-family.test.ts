/**
 * The documents family (R-PLEDGE-*, R-OUTBOUND-*, R-DOCS-*, R-FEE-*, R-ANNUAL-*, R-PROCESS-*): what the
 * line-based fixtures cannot show — message wording, severities, fix intents, related locations, the
 * attachment probe's kinds, silence without a probe, robustness on arbitrary data, the samples, and
 * the docs pages of every catalogue ID of the family (reminder-only entries included).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  allRules,
  parseApplication,
  runRules,
  type FileKind,
  type FileProbe,
  type Finding,
} from '../../server/src/core';
import { documentRules } from '../../server/src/core/rules/documents';
import { ATTACHMENT_FIELDS } from '../../server/src/core/rules/documents/attachments-exist';
import { createFileProbe } from '../../server/src/node/file-probe';

const REPO = path.join(__dirname, '..', '..');
const FAMILY_IDS = [
  'R-PLEDGE-001',
  'R-PLEDGE-002',
  'R-OUTBOUND-001',
  'R-OUTBOUND-002',
  'R-DOCS-001',
  'R-DOCS-002',
  'R-FEE-001',
  'R-FEE-002',
  'R-FEE-003',
  'R-ANNUAL-001',
  'R-ANNUAL-002',
  'R-PROCESS-001',
];
const REMINDER_ONLY = [
  'R-DOCS-002',
  'R-FEE-001',
  'R-FEE-003',
  'R-ANNUAL-001',
  'R-ANNUAL-002',
  'R-PROCESS-001',
];

interface Run {
  readonly text: string;
  readonly findings: readonly Finding[];
  covered(finding: Finding): string;
}

function run(ruleId: string, text: string, options: { files?: FileProbe; today?: string } = {}): Run {
  const rule = documentRules.find((r) => r.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const parsed = parseApplication(text);
  const findings = runRules([rule], parsed, {
    today: options.today ?? '2026-12-01',
    ...(options.files ? { files: options.files } : {}),
  });
  assert.deepEqual(
    findings.filter((f) => f.code !== ruleId),
    [],
    'no internal errors',
  );
  return { text, findings, covered: (f) => text.slice(f.range.start, f.range.end) };
}

function fakeProbe(kinds: Readonly<Record<string, FileKind>>): FileProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    probe(p: string): FileKind {
      asked.push(p);
      return kinds[p] ?? 'missing';
    },
  };
}

const PLEDGE = `apiVersion: miit95/v1
application:
  date: 2026-12-01
applicant:
  legal_rep: 王建国
pledge:
  signed_by: 李敏
  sealed: false
  date: 2026-12-05
`;

describe('documents family', () => {
  describe('registration', () => {
    it('registers the checkable entries in catalogue order and no reminder-only entry', () => {
      assert.deepEqual(
        documentRules.map((r) => r.id),
        ['R-PLEDGE-001', 'R-PLEDGE-002', 'R-OUTBOUND-001', 'R-OUTBOUND-002', 'R-DOCS-001', 'R-FEE-002'],
      );
      for (const id of REMINDER_ONLY)
        assert.ok(!allRules.some((r) => r.id === id), `${id} must not be a diagnostic`);
      for (const rule of documentRules) assert.ok(allRules.includes(rule), `${rule.id} is in allRules`);
    });

    it('uses the catalogue severities and statuses, and sets no docs link itself', () => {
      const meta = Object.fromEntries(
        documentRules.map((r) => [r.id, [r.defaultSeverity, r.status, r.docs]]),
      );
      assert.deepEqual(meta, {
        'R-PLEDGE-001': ['error', 'secondary', undefined],
        'R-PLEDGE-002': ['warning', 'inference', undefined],
        'R-OUTBOUND-001': ['error', 'secondary', undefined],
        'R-OUTBOUND-002': ['warning', 'secondary', undefined],
        'R-DOCS-001': ['error', 'secondary', undefined],
        'R-FEE-002': ['info', 'inference', undefined],
      });
    });
  });

  describe('R-PLEDGE-001', () => {
    it('reports signatory, seal and date, each on its value', () => {
      const r = run('R-PLEDGE-001', PLEDGE);
      assert.deepEqual(
        r.findings.map((f) => [f.severity, r.covered(f)]),
        [
          ['error', '李敏'],
          ['error', 'false'],
          ['error', '2026-12-05'],
        ],
      );
    });

    it('names both people, points at the legal representative and offers the replacement', () => {
      const [signer] = run('R-PLEDGE-001', PLEDGE).findings;
      assert.ok(signer);
      assert.match(signer.message['zh-cn'], /签署人“李敏”不是法定代表人“王建国”/);
      assert.match(signer.message.en, /"李敏".*"王建国"/);
      assert.equal(signer.related?.length, 1);
      const related = signer.related?.[0];
      assert.ok(related);
      assert.equal(PLEDGE.slice(related.range.start, related.range.end), '王建国');
      assert.deepEqual(
        signer.data.fixes?.map((f) => [f.kind, f.path, 'value' in f ? f.value : undefined]),
        [['replaceValue', ['pledge', 'signed_by'], '王建国']],
      );
    });

    it('offers no fix for the seal or the date', () => {
      const [, seal, date] = run('R-PLEDGE-001', PLEDGE).findings;
      assert.equal(seal?.data.fixes, undefined);
      assert.equal(date?.data.fixes, undefined);
    });

    it('compares the date with application.date, else with today, and says which', () => {
      const withDate = run('R-PLEDGE-001', PLEDGE).findings[2];
      assert.match(withDate?.message['zh-cn'] ?? '', /晚于申请日期 2026-12-01/);
      assert.equal(withDate?.related?.length, 1);
      const withoutDate = run('R-PLEDGE-001', PLEDGE.replace('application:\n  date: 2026-12-01\n', ''), {
        today: '2026-12-03',
      });
      const last = withoutDate.findings.at(-1);
      assert.match(last?.message['zh-cn'] ?? '', /晚于今天（2026-12-03/);
      assert.equal(last?.related, undefined);
      const notAfter = run('R-PLEDGE-001', PLEDGE.replace('2026-12-05', '2026-12-01'));
      assert.equal(notAfter.findings.length, 2, 'a pledge signed on the application day is fine');
    });
  });

  describe('R-PLEDGE-002', () => {
    const text = `apiVersion: miit95/v1
pledge:
  commitments:
    - licensed_use_only
    - no_change_without_approval
    - pay_fees
    - annual_report
    - report_changes
`;
    it('names each missing commitment in Chinese, on the list key, with an appendItem fix', () => {
      const r = run('R-PLEDGE-002', text);
      assert.deepEqual(
        r.findings.map((f) => [f.severity, r.covered(f), f.data.extra?.['commitment']]),
        [
          ['warning', 'commitments', 'no_transfer_or_rent'],
          ['warning', 'commitments', 'no_harassment'],
        ],
      );
      assert.match(r.findings[0]?.message['zh-cn'] ?? '', /缺少“不转让、出租码号”（no_transfer_or_rent）/);
      assert.match(r.findings[1]?.message['zh-cn'] ?? '', /不拨打骚扰电话、不开展商业营销外呼/);
      assert.match(r.findings[0]?.message.en ?? '', /no transfer or renting/);
      assert.deepEqual(r.findings[0]?.data.fixes, [
        {
          kind: 'appendItem',
          path: ['pledge', 'commitments'],
          value: 'no_transfer_or_rent',
          title: {
            'zh-cn': '加入承诺事项“不转让、出租码号”（no_transfer_or_rent）',
            en: 'Add the commitment "no transfer or renting of the number" (no_transfer_or_rent)',
          },
        },
      ]);
    });
  });

  describe('R-OUTBOUND-001', () => {
    it('reports outbound with marketing on outbound.enabled, related to the marketing flag', () => {
      const text = 'apiVersion: miit95/v1\nusage:\n  outbound_marketing: true\noutbound:\n  enabled: true\n';
      const r = run('R-OUTBOUND-001', text);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.ok(f);
      assert.equal(r.covered(f), 'true');
      assert.equal(f.range.start, text.indexOf('enabled: true') + 'enabled: '.length);
      assert.equal(text.slice(f.related?.[0]?.range.start, f.related?.[0]?.range.end), 'true');
      assert.equal(
        f.related?.[0]?.range.start,
        text.indexOf('outbound_marketing: true') + 'outbound_marketing: '.length,
      );
      assert.match(f.message['zh-cn'], /工信部信管〔2020〕81号/);
    });
  });

  describe('R-OUTBOUND-002', () => {
    const outbound = (lines: string): string => `apiVersion: miit95/v1\noutbound:\n  enabled: true\n${lines}`;
    const fixValue = (f: Finding | undefined): unknown => {
      const fix = f?.data.fixes?.[0];
      return fix && 'value' in fix ? fix.value : undefined;
    };

    it('retention below 30: replace with 30', () => {
      const r = run('R-OUTBOUND-002', outbound('  retention_days: 7\n'));
      assert.equal(r.findings.length, 1);
      assert.equal(r.covered(r.findings[0]!), '7');
      assert.equal(fixValue(r.findings[0]), 30);
      assert.match(r.findings[0]?.message['zh-cn'] ?? '', /留存天数 7 天少于 30 天/);
    });

    it('retention missing: on the outbound key, insert 30', () => {
      const r = run('R-OUTBOUND-002', outbound(''));
      assert.equal(r.covered(r.findings[0]!), 'outbound');
      assert.deepEqual(
        r.findings[0]?.data.fixes?.map((f) => f.kind),
        ['insertProperty'],
      );
      assert.equal(fixValue(r.findings[0]), 30);
    });

    const hours: [string, string | undefined][] = [
      ['07:30-22:00', '08:00-21:00'],
      ['06:00-12:00', '08:00-12:00'],
      ['09:00-24:00', '09:00-21:00'],
      ['21:30-23:00', undefined],
      ['00:00-07:00', undefined],
    ];
    for (const [value, fixed] of hours) {
      it(`hours ${value}: warning, fix ${fixed ?? 'none'}`, () => {
        const r = run('R-OUTBOUND-002', outbound(`  retention_days: 30\n  hours: "${value}"\n`));
        assert.equal(r.findings.length, 1);
        assert.equal(r.covered(r.findings[0]!), `"${value}"`);
        assert.equal(fixValue(r.findings[0]), fixed);
        assert.match(r.findings[0]?.message['zh-cn'] ?? '', /推断/, 'the window is labelled as an inference');
      });
    }

    it('overnight hours get their own message and no fix', () => {
      const r = run('R-OUTBOUND-002', outbound('  retention_days: 30\n  hours: "20:00-09:00"\n'));
      assert.match(r.findings[0]?.message['zh-cn'] ?? '', /跨越午夜/);
      assert.equal(r.findings[0]?.data.fixes, undefined);
    });

    for (const ok of ['08:00-21:00', '09:00-20:00', '12:00-12:30']) {
      it(`hours ${ok} pass`, () => {
        assert.deepEqual(
          run('R-OUTBOUND-002', outbound(`  retention_days: 30\n  hours: "${ok}"\n`)).findings,
          [],
        );
      });
    }
  });

  describe('R-DOCS-001', () => {
    const text = `apiVersion: miit95/v1
applicant:
  business_licence_file: ../营业执照.pdf
licence:
  files: [附件/正文.pdf, 附件/附页.pdf]
tech:
  network_diagram:
    file: 附件/方案图.pdf
pledge:
  file: 附件
outbound:
  enabled: true
  pledge_file: 旧材料/不违规呼出承诺书.pdf
`;
    const probe = (): ReturnType<typeof fakeProbe> =>
      fakeProbe({
        '../营业执照.pdf': 'outside',
        '附件/营业执照.pdf': 'file',
        '附件/正文.pdf': 'file',
        '附件/附页.pdf': 'missing',
        附件: 'directory',
        '附件/不违规呼出承诺书.pdf': 'file',
      });

    it("covers every attachment field of the schemas (the network diagram is R-TECH-005's)", () => {
      const refs = readdirSync(path.join(REPO, 'schemas'))
        .filter((f) => f.endsWith('.schema.json'))
        .map(
          (f) =>
            (readFileSync(path.join(REPO, 'schemas', f), 'utf8').match(/#\/\$defs\/attachment"/g) ?? [])
              .length,
        )
        .reduce((a, b) => a + b, 0);
      assert.equal(
        ATTACHMENT_FIELDS.length + 1,
        refs,
        'a new attachment field in the schemas needs a line in ATTACHMENT_FIELDS',
      );
    });

    it('is silent without a probe', () => {
      assert.deepEqual(run('R-DOCS-001', text).findings, []);
    });

    it('probes every attachment field and reports each kind with its message', () => {
      const files = probe();
      const r = run('R-DOCS-001', text, { files });
      for (const p of [
        '../营业执照.pdf',
        '附件/正文.pdf',
        '附件/附页.pdf',
        '附件',
        '旧材料/不违规呼出承诺书.pdf',
      ]) {
        assert.ok(files.asked.includes(p), `probed ${p}`);
      }
      assert.ok(!files.asked.includes('附件/方案图.pdf'), 'the network diagram is left to R-TECH-005');
      assert.deepEqual(
        r.findings.map((f) => [f.severity, r.covered(f), f.message['zh-cn'].split('：')[0]]),
        [
          ['error', '../营业执照.pdf', '附件路径在申请文件所在目录之外，导出时不会复制'],
          ['error', '附件/附页.pdf', '附件不存在'],
          ['error', '附件', '附件路径指向一个文件夹，不是文件'],
          ['error', '旧材料/不违规呼出承诺书.pdf', '附件不存在'],
        ],
      );
      assert.match(r.findings[0]?.message['zh-cn'] ?? '', /营业执照“\.\.\/营业执照\.pdf”/);
    });

    it('offers 附件/<name> only when that file exists', () => {
      const r = run('R-DOCS-001', text, { files: probe() });
      const fixes = r.findings.map((f) => f.data.fixes?.map((x) => ('value' in x ? x.value : undefined)));
      assert.deepEqual(fixes, [['附件/营业执照.pdf'], undefined, undefined, ['附件/不违规呼出承诺书.pdf']]);
    });

    it('the mistake sample: outside business licence (with fix) and missing pledge, with the real probe', () => {
      const file = path.join(REPO, 'samples', 'mistakes', 'missing-attachment.app95.yaml');
      const r = run('R-DOCS-001', readFileSync(file, 'utf8'), { files: createFileProbe(path.dirname(file)) });
      assert.deepEqual(
        r.findings.map((f) => [r.covered(f), f.message.en.split(':')[0], f.data.fixes?.length ?? 0]),
        [
          [
            '../../outside/营业执照.pdf',
            "The attachment path leaves the application's folder, so the export will not copy it",
            1,
          ],
          ['附件/电话接入号码使用承诺书-盖章版.pdf', 'Attachment not found', 0],
        ],
      );
    });
  });

  describe('R-FEE-002', () => {
    it('one info on the area key naming the western provinces once, official names', () => {
      const text = `apiVersion: miit95/v1
usage:
  area:
    - province: 浙江省
    - province: 四川省
    - province: 广西
    - province: 四川
`;
      const r = run('R-FEE-002', text);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.ok(f);
      assert.equal(f.severity, 'info');
      assert.equal(r.covered(f), 'area');
      assert.match(f.message['zh-cn'], /西部地区（四川省、广西壮族自治区）/);
      assert.match(f.message.en, /\(四川省, 广西壮族自治区\)/);
      assert.match(f.message['zh-cn'], /推断/);
    });
  });

  describe('samples', () => {
    it('the complete sample gives no finding of the family, with its attachments on disk', () => {
      const file = path.join(REPO, 'samples', 'complete', '杭州云声.app95.yaml');
      const parsed = parseApplication(readFileSync(file, 'utf8'));
      const findings = runRules(documentRules, parsed, {
        files: createFileProbe(path.dirname(file)),
        today: '2026-11-28',
      });
      assert.deepEqual(
        findings.map((f) => `${f.code} ${f.message['zh-cn']}`),
        [],
      );
    });

    it('the complete sample without its attachments gives one R-DOCS-001 per attachment but the diagram', () => {
      const text = readFileSync(path.join(REPO, 'samples', 'complete', '杭州云声.app95.yaml'), 'utf8');
      const r = run('R-DOCS-001', text, { files: fakeProbe({}) });
      assert.deepEqual(
        r.findings.map((f) => f.data.path.join('.')),
        ['applicant.business_licence_file', 'licence.files.0', 'licence.files.1', 'pledge.file'],
      );
    });
  });

  describe('robustness', () => {
    it('never fails on arbitrary data in the sections the family reads', function () {
      this.timeout(20000);
      const value = fc.anything({ maxDepth: 2, maxKeys: 4 });
      const section = fc.oneof(
        value,
        fc.dictionary(
          fc.constantFrom(
            'file',
            'signed_by',
            'sealed',
            'date',
            'commitments',
            'enabled',
            'purpose',
            'pledge_file',
            'retention_days',
            'hours',
            'legal_rep',
            'business_licence_file',
            'files',
            'network_diagram',
            'area',
            'outbound_marketing',
          ),
          value,
        ),
      );
      fc.assert(
        fc.property(
          fc.record(
            {
              application: section,
              applicant: section,
              licence: section,
              tech: section,
              usage: section,
              pledge: section,
              outbound: section,
            },
            { requiredKeys: [] },
          ),
          (data) => {
            let text: string;
            try {
              text = stringify({ apiVersion: 'miit95/v1', ...data });
            } catch {
              return; // not representable as YAML
            }
            const parsed = parseApplication(text);
            const findings = runRules(documentRules, parsed, { files: fakeProbe({}), today: '2026-12-01' });
            assert.deepEqual(
              findings.filter((f) => f.code.startsWith('internal/')),
              [],
            );
          },
        ),
        { numRuns: 200 },
      );
    });

    it('handles extreme values without failing', () => {
      const text = `apiVersion: miit95/v1
application:
  date: 9999-12-31
applicant:
  legal_rep: ${'王'.repeat(5000)}
pledge:
  signed_by: 0
  sealed: null
  date: 0001-01-01
  commitments: [${Array.from({ length: 2000 }, () => 'pay_fees').join(', ')}]
outbound:
  enabled: true
  retention_days: 1000000000
  hours: "00:00-24:00"
usage:
  area: [{ province: 西藏 }]
`;
      const parsed = parseApplication(text);
      const findings = runRules(documentRules, parsed, { files: fakeProbe({}), today: '2026-12-01' });
      assert.deepEqual(
        findings.filter((f) => f.code.startsWith('internal/')),
        [],
      );
      assert.deepEqual(
        findings.map((f) => f.code).sort(),
        ['R-FEE-002', 'R-OUTBOUND-002', ...Array<string>(6).fill('R-PLEDGE-002')].sort(),
      );
    });
  });

  describe('docs pages', () => {
    const zhSections = [
      '## 检查什么',
      '## 为什么（依据与来源）',
      '## 错误示例',
      '## 正确示例',
      '## 如何修复',
      '## 配置',
    ];
    const enSections = [
      '## What it checks',
      '## Why',
      '## Failing example',
      '## Passing example',
      '## How to fix',
      '## Configuration',
    ];
    for (const id of FAMILY_IDS) {
      it(`${id} has a page with the template's sections, Chinese first`, () => {
        const file = path.join(REPO, 'docs', 'rules', `${id}.md`);
        assert.ok(existsSync(file), `missing ${file}`);
        const page = readFileSync(file, 'utf8');
        const rule = documentRules.find((r) => r.id === id);
        assert.match(page, new RegExp(`^# ${id} ${rule ? rule.name : '[a-z][a-z0-9-]*'}\\n`));
        assert.match(
          page,
          /> 默认级别 \/ Default severity: .* · 依据状态 \/ Status: .* · 可自动修复 \/ Fixable: /,
        );
        const headings = page.split('\n').filter((l) => l.startsWith('## '));
        assert.deepEqual(headings, [...zhSections, ...enSections]);
        if (REMINDER_ONLY.includes(id)) assert.match(page, /Presented as: .*not a diagnostic/);
        if (rule) assert.match(page, new RegExp(`Default severity: ${rule.defaultSeverity}`));
      });
    }
  });
});
