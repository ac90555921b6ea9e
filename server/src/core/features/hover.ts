/**
 * Hover for application files, as Markdown in the session's language: on a key or a value, the
 * field's Chinese and English title, description, examples and the rules that check it; on values,
 * what the reference data says — a province's or city's GB/T 2260 code, a carrier, a business and
 * whether it qualifies, a candidate number's length, segment and annual occupation fee, a routing
 * reference's target, and on `tech.seats` the seats Erlang C asks for; on a finding's range, the
 * finding with its rule's description and documentation link. Reads the parsed document and the
 * findings of the same analysis; computes nothing twice. Transport-free.
 */
import type { Document } from 'yaml';
import { agentsRequired, erlangs as offeredErlangs, serviceLevel } from '../checks/erlang';
import { findBusiness } from '../data/businesses';
import { carrierByName } from '../data/carriers';
import { citiesOf, directCountiesOf, findCity, findDirectCounty, findProvince, provinceByCode } from '../data/divisions';
import { annualFeeFen, feesConfirmed, feeStandard, formatFen } from '../data/fees';
import { seedListedNote, segmentOf, splitNumber } from '../data/segments';
import { allRules } from '../rules/index';
import { getArray, getNumber, getRecord, getString, isRecord } from '../document/data-access';
import type { DataPath, Finding, Locale, OffsetRange, Severity } from '../types';
import { code, escapeMarkdown, fieldMarkdown, t, type LinkResolver } from './field-docs';
import { nodeAt } from './node-at';
import { pathPattern } from './rule-paths';
import { fieldInfo } from './schema-info';

/** What hover reads of a document. ParsedDocument satisfies it. */
export interface HoverDocument {
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly value: unknown;
}

export interface HoverOptions {
  readonly locale?: Locale;
  /** The findings of the same analysis: those under the pointer are explained. */
  readonly findings?: readonly Finding[];
  readonly linkFor?: LinkResolver;
}

export interface HoverResult {
  readonly markdown: string;
  /** The key, value or finding range the hover is about. */
  readonly range: OffsetRange;
}

const SEPARATOR = '\n\n---\n\n';

/** The hover at `offset`, or undefined where there is nothing to say. */
export function hoverAt(
  doc: HoverDocument,
  offset: number,
  options: HoverOptions = {},
): HoverResult | undefined {
  const locale = options.locale ?? 'zh-cn';
  const target = nodeAt(doc.yaml, doc.text, offset);
  const findings = (options.findings ?? []).filter(
    (f) =>
      f.range.start <= offset &&
      (offset < f.range.end || (offset === f.range.end && f.range.end === f.range.start)),
  );
  const sections: string[] = [];
  if (target !== undefined) {
    const facts = valueFacts(target.path, target.on, target.value, doc.value, locale);
    const docs = fieldMarkdown(target.path, locale, {
      heading: true,
      ...(options.linkFor !== undefined ? { linkFor: options.linkFor } : {}),
    });
    if (facts.length > 0) sections.push(facts.join('\n\n'));
    if (docs.length > 0) sections.push(docs.join('\n\n'));
  }
  if (findings.length > 0)
    sections.push(findings.map((f) => findingMarkdown(f, locale, options.linkFor)).join(SEPARATOR));
  if (sections.length === 0) return undefined;
  const range = target?.range ?? findings[0]?.range;
  if (range === undefined) return undefined;
  return { markdown: sections.join(SEPARATOR), range };
}

// ---- facts about values ----

function valueFacts(
  path: DataPath,
  on: 'key' | 'value',
  value: unknown,
  data: unknown,
  locale: Locale,
): string[] {
  const pattern = pathPattern(path);
  const out: string[] = [];
  if (pattern === 'tech.seats' || pattern === 'tech.traffic_forecast') {
    const erlang = erlangFacts(data, locale);
    if (erlang !== undefined) out.push(erlang);
    return out;
  }
  if (on === 'key') {
    if (pattern === 'number.candidates' || pattern === 'applicant.existing_numbers') {
      const lines = getArray(data, path)
        .map((n) => (typeof n === 'string' || typeof n === 'number' ? String(n) : undefined))
        .filter((n): n is string => n !== undefined)
        .map((n) => `- ${numberFacts(n, locale, false)}`);
      if (lines.length > 0) out.push(lines.join('\n'), feeNote(locale));
    }
    return out;
  }
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  if (text === undefined) return out;
  const info = fieldInfo(path);
  switch (info.valueType) {
    case 'province':
    case 'coverage': {
      const province = provinceFacts(text, locale);
      if (province !== undefined) out.push(province);
      break;
    }
    case 'city': {
      const city = cityFacts(path, pattern, text, data, locale);
      if (city !== undefined) out.push(city);
      break;
    }
    case 'carrier': {
      const carrier = carrierByName(text);
      if (carrier !== undefined)
        out.push(
          `**${carrier.name}** · ${carrier.en} (\`${carrier.id}\`)${carrier.threeNetworks ? t(locale, ' · 三网之一', ' · one of the three networks') : ''}`,
        );
      break;
    }
    case 'number95':
      out.push(numberFacts(text, locale, true), feeNote(locale));
      break;
    default:
      break;
  }
  if (pattern === 'usage.businesses.*' || pattern === 'licence.businesses.*.name') {
    const business = businessFacts(text, locale);
    if (business !== undefined) out.push(business);
  }
  if (pattern === 'dialing.routing.*.site' || pattern === 'dialing.routing.*.link')
    out.push(referenceFacts(pattern, text, data, locale));
  return out;
}

function provinceFacts(text: string, locale: Locale): string | undefined {
  if (text === '全国')
    return t(locale, '**全国** · 覆盖全部 31 个省级行政区', '**全国** · nationwide, all 31 provinces');
  const found = findProvince(text);
  if (found === undefined) return undefined;
  const p = found.province;
  const lines = [
    `**${p.name}** · ${t(locale, '行政区划代码', 'division code')} \`${p.code}\`（GB/T 2260）`,
    p.municipality
      ? t(locale, '直辖市，本身算作一个城市。', 'A municipality; it counts as one city.')
      : t(
          locale,
          `下辖地级行政区 ${citiesOf(p.code).length} 个${directCountiesOf(p.code).length > 0 ? `，省直辖县级行政单位 ${directCountiesOf(p.code).length} 个` : ''}。`,
          `${citiesOf(p.code).length} prefecture-level divisions${directCountiesOf(p.code).length > 0 ? `, ${directCountiesOf(p.code).length} county-level units directly under the province` : ''}.`,
        ),
  ];
  if (!found.official)
    lines.push(
      t(
        locale,
        `正式名称为“${p.name}”（规则 R-COVERAGE-004 建议改用正式名称）。`,
        `The official name is “${p.name}” (rule R-COVERAGE-004 suggests it).`,
      ),
    );
  return lines.join('\n\n');
}

function cityFacts(
  path: DataPath,
  pattern: string,
  text: string,
  data: unknown,
  locale: Locale,
): string | undefined {
  const entryPath = pattern.endsWith('cities.*') ? path.slice(0, -2) : path.slice(0, -1);
  const provinceName = getString(data, [...entryPath, 'province']);
  const province = provinceName === undefined ? undefined : findProvince(provinceName)?.province;
  const inProvince = province === undefined ? undefined : findCity(text, province.code);
  const found = inProvince ?? findCity(text);
  if (found === undefined) {
    const county = findDirectCounty(text, province?.code) ?? findDirectCounty(text);
    if (county !== undefined) return directCountyFacts(county.county, county.official, province, locale);
    return province !== undefined
      ? t(
          locale,
          `“${escapeMarkdown(text)}”不是${province.name}的地级行政区。`,
          `“${escapeMarkdown(text)}” is not a prefecture-level division of ${province.name}.`,
        )
      : undefined;
  }
  const owner = provinceByCode(found.city.province);
  const lines = [
    `**${found.city.name}** · ${t(locale, '行政区划代码', 'division code')} \`${found.city.code}\`（GB/T 2260）${owner !== undefined ? ` · ${owner.name}` : ''}`,
  ];
  if (province !== undefined && inProvince === undefined)
    lines.push(
      t(
        locale,
        `不在${province.name}内（规则 R-COVERAGE-004）。`,
        `Not in ${province.name} (rule R-COVERAGE-004).`,
      ),
    );
  if (!found.official)
    lines.push(t(locale, `正式名称为“${found.city.name}”。`, `The official name is “${found.city.name}”.`));
  return lines.join('\n\n');
}

/** Hover of a county-level unit directly under a province (济源市, 仙桃市 …): code, province, how it counts. */
function directCountyFacts(
  county: { readonly code: string; readonly name: string; readonly province: string },
  official: boolean,
  province: { readonly code: string; readonly name: string } | undefined,
  locale: Locale,
): string {
  const owner = provinceByCode(county.province);
  const lines = [
    `**${county.name}** · ${t(locale, '行政区划代码', 'division code')} \`${county.code}\`（GB/T 2260）${owner !== undefined ? ` · ${owner.name}` : ''}`,
    t(
      locale,
      '省直辖县级行政单位：是所属省份的地方，但不是地级行政区，不计入“12 个城市”的城市数（规则 R-COVERAGE-003）。',
      'A county-level unit directly under its province: a place of that province, but not prefecture-level, so it does not count toward the “12 cities” (rule R-COVERAGE-003).',
    ),
  ];
  if (province !== undefined && province.code !== county.province)
    lines.push(t(locale, `不在${province.name}内（规则 R-COVERAGE-004）。`, `Not in ${province.name} (rule R-COVERAGE-004).`));
  if (!official) lines.push(t(locale, `正式名称为“${county.name}”。`, `The official name is “${county.name}”.`));
  return lines.join('\n\n');
}

function businessFacts(text: string, locale: Locale): string | undefined {
  const business = findBusiness(text);
  if (business === undefined) return undefined;
  const verdict =
    business.qualifies === 'yes'
      ? t(locale, '可申请 95 号码', 'qualifies for a 95 number')
      : business.qualifies === 'warning'
        ? t(locale, '能否申请 95 号码存疑（R-LICENCE-004）', 'doubtful for a 95 number (R-LICENCE-004)')
        : t(locale, '不能申请 95 号码', 'does not qualify for a 95 number');
  const lines = [`**${business.name}** · \`${business.code}\` · ${business.en} · ${verdict}`];
  if (business.note !== undefined) lines.push(business.note[locale]);
  return lines.join('\n\n');
}

function referenceFacts(pattern: string, id: string, data: unknown, locale: Locale): string {
  const isSite = pattern.endsWith('.site');
  const list = getArray(data, isSite ? ['tech', 'platform', 'sites'] : ['tech', 'access', 'links']);
  const target = list.find((entry) => isRecord(entry) && getString(entry, ['id']) === id);
  if (target === undefined)
    return isSite
      ? t(
          locale,
          `技术方案中没有 id 为 \`${id}\` 的设置地（tech.platform.sites）。`,
          `No site with id \`${id}\` in tech.platform.sites.`,
        )
      : t(
          locale,
          `技术方案中没有 id 为 \`${id}\` 的接入链路（tech.access.links）。`,
          `No link with id \`${id}\` in tech.access.links.`,
        );
  const parts = isSite
    ? [getString(target, ['name']), getString(target, ['province']), getString(target, ['city'])]
    : [getString(target, ['carrier']), getString(target, ['gateway']), getString(target, ['signalling'])];
  return `\`${id}\` → ${parts
    .filter((p) => p !== undefined)
    .map((p) => escapeMarkdown(p ?? ''))
    .join(' · ')}`;
}

/** One candidate number: digits, segment, base/extension and the annual occupation fee. */
export function numberFacts(text: string, locale: Locale, bold: boolean): string {
  const head = bold ? `**${text}**` : code(text);
  if (!/^\d+$/.test(text)) return `${head} · ${t(locale, '不是纯数字', 'not all digits')}`;
  const digits = t(locale, `${text.length} 位`, `${text.length} digits`);
  const segment = segmentOf(text);
  if (segment === undefined)
    return `${head} · ${digits} · ${t(locale, '不属于 95 号段', 'not in the 95 range')}`;
  if (!segment.allowed)
    return `${head} · ${digits} · ${segment.reason?.[locale] ?? t(locale, '不能申请', 'cannot be requested')}`;
  const length = segment.baseLength ?? text.length;
  const parts = [
    head,
    digits,
    t(
      locale,
      `${segment.prefix} 号段（基本号码 ${length} 位）`,
      `segment ${segment.prefix} (${length}-digit numbers)`,
    ),
  ];
  const split = splitNumber(text);
  const fee = annualFeeFen(length);
  if (split === undefined) parts.push(t(locale, `位数不足 ${length} 位`, `shorter than ${length} digits`));
  else {
    if (split.extension !== '')
      parts.push(
        t(
          locale,
          `基本号码 ${split.base} + 拓展位 ${split.extension}`,
          `base ${split.base} + extension ${split.extension}`,
        ),
      );
    if (fee !== undefined)
      parts.push(t(locale, `年占用费 ${formatFen(fee)}`, `annual fee ${formatFen(fee)}`));
  }
  const line = parts.join(' · ');
  return segment.seedListed === false ? `${line}\n\n${seedListedNote[locale]}` : line;
}

function feeNote(locale: Locale): string {
  const basis = t(
    locale,
    '占用费按基本号码位长计，拓展位不另计。',
    'The fee goes by the base number’s length; extension digits add nothing.',
  );
  return feesConfirmed ? `_${basis}_` : `_${basis}${feeStandard[locale]}_`;
}

/** The Erlang C requirement of the traffic forecast against the planned seats. */
function erlangFacts(data: unknown, locale: Locale): string | undefined {
  const forecast = getRecord(data, ['tech', 'traffic_forecast']);
  const calls = getNumber(forecast, ['busy_hour_calls']);
  const aht = getNumber(forecast, ['average_handle_time_s']);
  if (calls === undefined || aht === undefined || calls <= 0 || aht <= 0) {
    return t(
      locale,
      '填写话务量预测（tech.traffic_forecast 的 busy_hour_calls 与 average_handle_time_s）后，此处显示按 Erlang C 所需的坐席数。',
      'Fill in the traffic forecast (busy_hour_calls and average_handle_time_s under tech.traffic_forecast) to see the seats Erlang C requires.',
    );
  }
  const written = getRecord(forecast, ['service_level']);
  const percent = getNumber(written, ['target_percent']) ?? 80;
  const within = getNumber(written, ['answer_within_s']) ?? 20;
  const result = agentsRequired({
    callsPerHour: calls,
    ahtSeconds: aht,
    targetPercent: percent,
    answerWithinSeconds: within,
  });
  if (!result.ok) return t(locale, '话务量超出可核算的范围。', 'The traffic is beyond what can be computed.');
  const a = offeredErlangs(calls, aht);
  const lines = [
    t(
      locale,
      `**Erlang C**：忙时 ${calls} 次 × 平均 ${aht} 秒 = ${round(a)} 爱尔兰；${percent}% 在 ${within} 秒内接通${written === undefined ? '（未填写服务水平，按 80/20）' : ''} → 至少需要 **${result.agents}** 个坐席。`,
      `**Erlang C**: ${calls} busy-hour calls × ${aht} s average = ${round(a)} Erlangs; ${percent}% answered within ${within} s${written === undefined ? ' (no service level given, 80/20 assumed)' : ''} → at least **${result.agents}** seats.`,
    ),
    t(
      locale,
      `${result.agents} 个坐席时：等待概率 ${pct(result.probabilityWait)}，服务水平 ${pct(result.serviceLevel)}，平均应答 ${round(result.averageSpeedOfAnswerSeconds)} 秒，占用率 ${pct(result.occupancy)}。`,
      `With ${result.agents} seats: probability of waiting ${pct(result.probabilityWait)}, service level ${pct(result.serviceLevel)}, average speed of answer ${round(result.averageSpeedOfAnswerSeconds)} s, occupancy ${pct(result.occupancy)}.`,
    ),
  ];
  const seats = getNumber(data, ['tech', 'seats']);
  if (seats !== undefined && Number.isInteger(seats) && seats > 0) {
    const achieved = serviceLevel(seats, a, aht, within);
    lines.push(
      seats >= result.agents
        ? t(
            locale,
            `规划 ${seats} 个坐席：满足（服务水平约 ${pct(achieved)}）。`,
            `${seats} seats planned: enough (service level about ${pct(achieved)}).`,
          )
        : t(
            locale,
            `规划 ${seats} 个坐席：不足，还差 ${result.agents - seats} 个（规则 R-TECH-001）。`,
            `${seats} seats planned: ${result.agents - seats} short (rule R-TECH-001).`,
          ),
    );
  }
  return lines.join('\n\n');
}

function round(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '∞';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 1000) / 10}%` : '—';
}

// ---- findings ----

const ruleById = new Map(allRules.map((rule) => [rule.id, rule]));

const SEVERITY_WORDS: Readonly<Record<Severity, { 'zh-cn': string; en: string }>> = {
  error: { 'zh-cn': '错误', en: 'Error' },
  warning: { 'zh-cn': '警告', en: 'Warning' },
  info: { 'zh-cn': '信息', en: 'Info' },
  hint: { 'zh-cn': '提示', en: 'Hint' },
};

function findingMarkdown(finding: Finding, locale: Locale, linkFor: LinkResolver | undefined): string {
  const rule = ruleById.get(finding.code);
  const lines = [
    `**${escapeMarkdown(finding.code)}** · ${SEVERITY_WORDS[finding.severity][locale]}: ${escapeMarkdown(finding.message[locale])}`,
  ];
  if (rule !== undefined) lines.push(escapeMarkdown(rule.description[locale]));
  const href = finding.docs !== undefined ? linkFor?.(finding.docs) : undefined;
  if (href !== undefined) lines.push(`[${t(locale, '规则说明', 'Rule documentation')}](${href})`);
  return lines.join('\n\n');
}
