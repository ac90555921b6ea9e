/**
 * `miit95 check --format sarif`: the findings as one SARIF 2.1.0 log for code-scanning tools. The
 * driver lists every catalogue rule (id, name, short and full description, helpUri of
 * docs/rules/<ID>.md, default level) plus an entry per other finding code that occurs (yaml/…,
 * schema/…, suppression/…, config/…, internal/…), so every result's ruleId and ruleIndex resolve.
 * Regions are 1-based with UTF-16 columns, as the core's offsets are.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import packageJson from '../../../package.json';
import {
  allRules,
  CONFIG_DOCS_PATH,
  LineIndex,
  ruleDocsPath,
  type Locale,
  type LocalizedText,
  type Severity,
} from '../core';
import { resolveDocsBase } from '../host/docs-base';
import type { CheckedFile } from './format';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties?: Record<string, unknown>;
}

/** What a non-rule finding code family is, for its driver entry. */
const FAMILIES: readonly { readonly prefix: string; readonly text: LocalizedText; readonly docs: string }[] = [
  { prefix: 'yaml/', text: { 'zh-cn': 'YAML 语法问题', en: 'YAML syntax problem' }, docs: 'docs/format.md' },
  { prefix: 'schema/', text: { 'zh-cn': '不符合申请文件格式（JSON Schema）', en: 'Does not match the application format (JSON Schema)' }, docs: 'docs/format.md' },
  { prefix: 'suppression/', text: { 'zh-cn': '抑制注释问题', en: 'Suppression comment problem' }, docs: CONFIG_DOCS_PATH },
  { prefix: 'config/', text: { 'zh-cn': '配置文件问题', en: 'Configuration file problem' }, docs: CONFIG_DOCS_PATH },
  { prefix: 'internal/', text: { 'zh-cn': 'miit95 内部错误', en: 'miit95 internal error' }, docs: 'README.md' },
];

function uriOf(base: string | undefined, docs: string): string | undefined {
  if (base === undefined) return undefined;
  try {
    return new URL(docs, base).href;
  } catch {
    return undefined;
  }
}

function otherRule(code: string, severity: Severity, locale: Locale, base: string | undefined): SarifRule {
  const family = FAMILIES.find((f) => code.startsWith(f.prefix));
  const text = family?.text ?? { 'zh-cn': '其他问题', en: 'Other problem' };
  const helpUri = family === undefined ? undefined : uriOf(base, family.docs);
  return {
    id: code,
    name: code.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    shortDescription: { text: text[locale] },
    fullDescription: { text: `${text['zh-cn']} / ${text.en}` },
    ...(helpUri !== undefined ? { helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(severity) },
  };
}

export interface SarifOptions {
  readonly locale: Locale;
  /** The folder paths are relative to (SRCROOT). */
  readonly cwd: string;
  /** Base URL of the documentation (docs/rules/… resolve against it); the package root by default. */
  readonly docsBase?: string;
}

/** The SARIF log of the checked files, as JSON text. */
export function renderSarif(files: readonly CheckedFile[], options: SarifOptions): string {
  const { locale } = options;
  const base = options.docsBase ?? resolveDocsBase(undefined);
  const rules: SarifRule[] = allRules.map((rule) => {
    const helpUri = uriOf(base, rule.docs ?? ruleDocsPath(rule.id));
    return {
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.description[locale] },
      fullDescription: { text: `${rule.description['zh-cn']} / ${rule.description.en}` },
      ...(helpUri !== undefined ? { helpUri } : {}),
      defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      properties: { status: rule.status, fixable: rule.fixable },
    };
  });
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results: unknown[] = [];
  const artifacts: string[] = [];
  for (const checked of files) {
    const uri = checked.file.split(path.sep).join('/');
    if (!artifacts.includes(uri)) artifacts.push(uri);
    const lines = new LineIndex(checked.text);
    for (const finding of checked.findings) {
      let ruleIndex = index.get(finding.code);
      if (ruleIndex === undefined) {
        ruleIndex = rules.length;
        rules.push(otherRule(finding.code, finding.severity, locale, base));
        index.set(finding.code, ruleIndex);
      }
      const start = lines.positionAt(finding.range.start);
      const end = lines.positionAt(Math.max(finding.range.start, finding.range.end));
      results.push({
        ruleId: finding.code,
        ruleIndex,
        level: sarifLevel(finding.severity),
        message: { text: finding.message[locale] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: 'SRCROOT', index: artifacts.indexOf(uri) },
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const root = pathToFileURL(options.cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'miit95',
            version: packageJson.version,
            semanticVersion: packageJson.version,
            informationUri: uriOf(base, 'README.md'),
            language: locale === 'en' ? 'en' : 'zh-CN',
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: root.endsWith('/') ? root : `${root}/` } },
        artifacts: artifacts.map((uri) => ({ location: { uri, uriBaseId: 'SRCROOT' } })),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
