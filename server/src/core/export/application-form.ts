/**
 * The content of 申请表.docx: the requested numbers and materials 1–6 (applicant, licence, business,
 * area, use, extension) laid out as form tables, then the materials checklist and the signature
 * block. Owns the wording and the order; the look is the docx writer's.
 */
import type { Block, Checklist, DocumentSpec, FieldRow } from './types';
import { PACKAGE_FILES } from './types';
import { at, dateCn, joinCn, NOT_GIVEN, record, records, str, strings, yesNo, yuan } from './format';
import { checklistTableBlock } from './checklist';

/** The businesses a 95 number can be requested for, as the form's tick boxes (材料3, S0 item 3). */
const BUSINESS_CHOICES: readonly { readonly name: string; readonly label: string }[] = [
  { name: '国内呼叫中心业务', label: '国内呼叫中心业务' },
  { name: '国内多方通信服务业务', label: '国内多方通信服务业务' },
  { name: '存储转发类业务', label: '存储转发类业务（语音信箱）' },
];

function tick(checked: boolean): string {
  return checked ? '☑' : '☐';
}

function applicantRows(app: unknown): FieldRow[] {
  const applicant = record(at(app, 'applicant'));
  const contact = record(applicant['contact']);
  const compliance = record(applicant['compliance']);
  const penalties = records(compliance['penalties']);
  const existing = strings(applicant['existing_numbers']);
  return [
    { label: '单位名称', value: str(applicant['name']) },
    { label: '统一社会信用代码', value: str(applicant['credit_code']) },
    { label: '法定代表人', value: str(applicant['legal_rep']) },
    { label: '注册资本', value: yuan(applicant['registered_capital_cny']) },
    { label: '住所', value: str(applicant['address']) },
    { label: '联系人', value: str(contact['name']) },
    {
      label: '联系电话',
      value: [str(contact['phone']), str(contact['mobile'])].filter((s) => s !== '').join(' / '),
    },
    { label: '电子邮箱', value: str(contact['email']) },
    { label: '营业执照复印件', value: str(applicant['business_licence_file']) },
    { label: '已持有的 95 号码', value: existing.length === 0 ? '无' : joinCn(existing) },
    {
      label: '是否列入电信业务经营失信名单',
      value: yesNo(compliance['untrustworthy_list']),
    },
    {
      label: '近期行政处罚',
      value:
        penalties.length === 0
          ? '无'
          : penalties
              .map((p) => [str(p['date']), str(p['authority']), str(p['description'])].filter((s) => s !== '').join(' '))
              .join('；'),
    },
  ];
}

function licenceRows(app: unknown): FieldRow[] {
  const licence = record(at(app, 'licence'));
  const businesses = records(licence['businesses']).map((b) => {
    const code = str(b['code']);
    return code === '' ? str(b['name']) : `${str(b['name'])}（${code}）`;
  });
  const reports = records(licence['annual_reports']).map((r) => `${str(r['year'])} 年度：${str(r['status'])}`);
  const from = str(licence['valid_from']);
  const until = str(licence['valid_until']);
  return [
    { label: '许可证编号', value: str(licence['number']) },
    { label: '持证单位', value: str(licence['holder_name']) },
    { label: '持证单位统一社会信用代码', value: str(licence['holder_credit_code']) },
    { label: '有效期', value: from === '' && until === '' ? '' : `${dateCn(from)} 至 ${dateCn(until)}` },
    { label: '业务种类', value: joinCn(businesses) },
    { label: '业务覆盖范围', value: joinCn(strings(licence['coverage'])) },
    { label: '年报情况', value: joinCn(reports) },
    { label: '许可证正文、附页复印件', value: joinCn(strings(licence['files'])) },
  ];
}

function numberTable(app: unknown): Block {
  const candidates = strings(at(app, 'number', 'candidates'));
  return {
    kind: 'table',
    columns: [
      { title: '优先顺序', width: 18 },
      { title: '候选号码', width: 30 },
      { title: '号段', width: 22 },
      { title: '位长', width: 30 },
    ],
    rows:
      candidates.length === 0
        ? [['', NOT_GIVEN, '', '']]
        : candidates.map((n, i) => [String(i + 1), n, n.slice(0, 3), `${n.length} 位`]),
  };
}

function areaTable(app: unknown): Block[] {
  const area = records(at(app, 'usage', 'area'));
  const cityCount = area.reduce((sum, entry) => sum + strings(entry['cities']).length, 0);
  return [
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 10 },
        { title: '省（自治区、直辖市）', width: 30 },
        { title: '城市', width: 60 },
      ],
      rows: area.map((entry, i) => [
        String(i + 1),
        str(entry['province']),
        joinCn(strings(entry['cities'])) || '全省（市）',
      ]),
    },
    {
      kind: 'paragraph',
      style: 'note',
      text: `合计：${area.length} 个省（自治区、直辖市），列明城市 ${cityCount} 个。使用地域范围应与许可证业务覆盖范围一致。`,
    },
  ];
}

function usageBlocks(app: unknown): Block[] {
  const usage = record(at(app, 'usage'));
  const customers = records(usage['customers']);
  const rows: FieldRow[] = [
    { label: '号码用途', value: str(usage['description']) },
    { label: '业务模式', value: str(usage['business_model']) },
    { label: '是否开展商业营销外呼', value: yesNo(usage['outbound_marketing']) },
  ];
  const shared = str(usage['shared_number_statement']);
  if (shared !== '') rows.push({ label: '多项业务共用号码说明', value: shared });
  return [
    { kind: 'fields', rows },
    { kind: 'paragraph', style: 'bold', text: '主要客户来源' },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 8 },
        { title: '客户名称', width: 40 },
        { title: '客户类型', width: 22 },
        { title: '合作状态', width: 30 },
      ],
      rows: customers.map((c, i) => [
        String(i + 1),
        str(c['name']),
        str(c['type']),
        [str(c['status']), str(c['description'])].filter((s) => s !== '').join('：'),
      ]),
    },
  ];
}

function extensionBlocks(app: unknown): Block[] {
  const extension = record(at(app, 'number', 'extension'));
  const sms = record(at(app, 'number', 'sms'));
  const planned = extension['planned'];
  const blocks: Block[] = [];
  const smsRows: FieldRow[] = [
    {
      label: '是否用作短消息接入代码',
      value: sms['enabled'] === true ? `是（${sms['commercial'] === true ? '商业' : '非商业'}短消息）` : '否',
    },
    ...(str(sms['description']) !== '' ? [{ label: '短消息用途', value: str(sms['description']) }] : []),
  ];
  if (planned === true) {
    blocks.push({
      kind: 'fields',
      rows: [
        { label: '是否计划拓展位长', value: '是' },
        { label: '拓展后总位长', value: str(extension['total_length']) === '' ? '' : `${str(extension['total_length'])} 位` },
        { label: '是否不等位长', value: yesNo(extension['variable']) },
        { label: '拓展位长的必要性', value: str(extension['necessity']) },
        { label: '位长拓展计划', value: str(extension['plan']) },
        ...(str(extension['justification']) !== ''
          ? [{ label: '超过 8 位的理由', value: str(extension['justification']) }]
          : []),
        ...smsRows,
      ],
    });
  } else {
    blocks.push({
      kind: 'fields',
      rows: [
        { label: '是否计划拓展位长', value: planned === false ? '否' : '' },
        { label: '用户呼入后的接续流程', value: str(extension['call_flow']) },
        ...smsRows,
      ],
    });
    const prompts = strings(extension['voice_prompts']);
    blocks.push({ kind: 'paragraph', style: 'bold', text: '语音提示' });
    blocks.push(
      prompts.length === 0
        ? { kind: 'paragraph', text: NOT_GIVEN }
        : { kind: 'list', numbered: true, items: prompts },
    );
  }
  return blocks;
}

/** 申请表.docx. */
export function applicationForm(app: unknown, checklist: Checklist): DocumentSpec {
  const name = str(at(app, 'applicant', 'name'));
  const date = str(at(app, 'application', 'date'));
  const businesses = strings(at(app, 'usage', 'businesses'));
  const otherBusinesses = businesses.filter((b) => !BUSINESS_CHOICES.some((c) => c.name === b));
  const legalRep = str(at(app, 'applicant', 'legal_rep'));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '申请号码' },
    numberTable(app),
    { kind: 'heading', level: 1, text: '一、申请单位基本信息（材料1）' },
    { kind: 'fields', rows: applicantRows(app) },
    { kind: 'heading', level: 1, text: '二、增值电信业务经营许可证（材料2）' },
    { kind: 'fields', rows: licenceRows(app) },
    { kind: 'heading', level: 1, text: '三、拟开展的业务种类（材料3）' },
    {
      kind: 'paragraph',
      text: [
        ...BUSINESS_CHOICES.map((c) => `${tick(businesses.includes(c.name))} ${c.label}`),
        ...otherBusinesses.map((b) => `${tick(true)} ${b}`),
      ].join('　　'),
    },
    { kind: 'heading', level: 1, text: '四、号码使用地域范围（材料4）' },
    ...areaTable(app),
    { kind: 'heading', level: 1, text: '五、号码用途（材料5）' },
    ...usageBlocks(app),
    { kind: 'heading', level: 1, text: '六、拓展位长（材料6）' },
    ...extensionBlocks(app),
    { kind: 'heading', level: 1, text: '七、申请材料清单' },
    checklistTableBlock(checklist),
    {
      kind: 'paragraph',
      style: 'note',
      text: `材料7—11 见《${PACKAGE_FILES.technicalPlan.replace('.docx', '')}》，材料12 见《${PACKAGE_FILES.pledge.replace('.docx', '')}》。`,
    },
    {
      kind: 'paragraph',
      text: '本单位保证所填内容及所附材料真实、完整、有效。',
    },
    {
      kind: 'signature',
      lines: [
        { label: '申请单位（盖章）', value: name },
        { label: '法定代表人（签字）', value: legalRep },
        { label: '日期', value: dateCn(date) },
      ],
    },
  ];
  return {
    id: 'application-form',
    fileName: PACKAGE_FILES.applicationForm,
    title: '全网呼叫中心 95 号码使用申请表',
    subtitle: [name === '' ? '' : `申请单位：${name}`, date === '' ? '' : `申请日期：${dateCn(date)}`]
      .filter((s) => s !== '')
      .join('　　'),
    blocks,
  };
}
