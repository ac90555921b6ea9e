/**
 * The content of 技术方案.docx: materials 7–11 — traffic forecast and seats with the Erlang C figures
 * (checks/erlang.ts, the same model as R-TECH-001), platform and sites, access per carrier, the
 * network organisation diagram, the opening schedule, dialling and routing, preparation and staff.
 * Owns the wording and the order; the look is the docx writer's.
 */
import { agentsRequired, averageSpeedOfAnswer, erlangC, serviceLevel } from '../checks/erlang';
import type { Block, DiagramGraph, DocumentSpec, FieldRow } from './types';
import { PACKAGE_FILES } from './types';
import { NODE_KIND_LABELS } from './diagram';
import { at, dateCn, fixed, NOT_GIVEN, record, records, str, yesNo } from './format';

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '';
}

/** The traffic section with the Erlang C calculation, when the forecast allows it. */
function trafficBlocks(app: unknown): Block[] {
  const forecast = record(at(app, 'tech', 'traffic_forecast'));
  const level = record(forecast['service_level']);
  const calls = num(forecast['busy_hour_calls']);
  const aht = num(forecast['average_handle_time_s']);
  const target = num(level['target_percent']);
  const within = num(level['answer_within_s']);
  const seats = num(at(app, 'tech', 'seats'));
  const rows: FieldRow[] = [
    { label: '忙时呼入量', value: calls === undefined ? '' : `${calls} 次/小时` },
    { label: '平均处理时长', value: aht === undefined ? '' : `${aht} 秒` },
    { label: '日均呼入量', value: str(forecast['daily_calls']) === '' ? '' : `${str(forecast['daily_calls'])} 次` },
    {
      label: '服务水平目标',
      value: target === undefined || within === undefined ? '' : `${target}% 的呼叫在 ${within} 秒内接通`,
    },
    { label: '规划坐席数', value: seats === undefined ? '' : `${seats} 个` },
  ];
  const blocks: Block[] = [{ kind: 'fields', rows }];
  const description = str(forecast['description']);
  if (description !== '') blocks.push({ kind: 'paragraph', style: 'lead', text: description });
  if (calls === undefined || aht === undefined || aht <= 0 || target === undefined || within === undefined) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      text: '话务量预测不完整，无法按 Erlang C 模型核算坐席规模。',
    });
    return blocks;
  }
  const required = agentsRequired({
    callsPerHour: calls,
    ahtSeconds: aht,
    targetPercent: target,
    answerWithinSeconds: within,
  });
  if (!required.ok) {
    blocks.push({ kind: 'paragraph', style: 'note', text: '话务量数值超出 Erlang C 模型的计算范围。' });
    return blocks;
  }
  const a = required.erlangs;
  const erlangRows: string[][] = [
    ['忙时话务量 A', `${fixed(a, 2)} Erl`, `${calls} 次/小时 × ${aht} 秒 ÷ 3600`],
    [
      '满足服务水平所需最少坐席 N',
      `${required.agents} 个`,
      `等待概率 ${percent(required.probabilityWait)}，服务水平 ${percent(required.serviceLevel)}，平均应答 ${fixed(required.averageSpeedOfAnswerSeconds, 1)} 秒`,
    ],
  ];
  if (seats !== undefined && Number.isSafeInteger(seats) && seats >= 0) {
    const sl = serviceLevel(seats, a, aht, within);
    const asa = averageSpeedOfAnswer(seats, a, aht);
    erlangRows.push([
      '规划坐席数',
      `${seats} 个`,
      seats <= a
        ? '坐席数不超过话务量，排队将无限增长'
        : `等待概率 ${percent(erlangC(seats, a))}，服务水平 ${percent(sl)}，平均应答 ${fixed(asa, 1)} 秒，坐席占用率 ${percent(a / seats)}`,
    ]);
  }
  blocks.push(
    { kind: 'paragraph', style: 'bold', text: '坐席规模核算（Erlang C 模型）' },
    {
      kind: 'table',
      columns: [
        { title: '项目', width: 28 },
        { title: '数值', width: 18 },
        { title: '说明', width: 54 },
      ],
      rows: erlangRows,
    },
  );
  const verdict =
    seats === undefined
      ? ''
      : seats >= required.agents
        ? `规划的 ${seats} 个坐席不少于所需的 ${required.agents} 个，可满足服务水平目标。`
        : `规划的 ${seats} 个坐席少于所需的 ${required.agents} 个，需增加坐席或调整服务水平目标。`;
  blocks.push({
    kind: 'paragraph',
    style: 'lead',
    text: `按 Erlang C 排队模型，忙时话务量为 ${fixed(a, 2)} Erl，要达到 ${target}% 的呼叫在 ${within} 秒内接通，至少需要 ${required.agents} 个坐席同时在岗。${verdict}`,
  });
  return blocks;
}

function platformBlocks(app: unknown): Block[] {
  const platform = record(at(app, 'tech', 'platform'));
  const sites = records(platform['sites']);
  return [
    { kind: 'fields', rows: [{ label: '设置方式', value: str(platform['mode']) }] },
    {
      kind: 'table',
      columns: [
        { title: '标识', width: 12 },
        { title: '平台名称', width: 22 },
        { title: '设置地', width: 16 },
        { title: '地址', width: 38 },
        { title: '坐席', width: 12 },
      ],
      rows: sites.map((s) => [
        str(s['id']),
        str(s['name']),
        `${str(s['province'])}${str(s['city']) === str(s['province']) ? '' : str(s['city'])}`,
        str(s['address']),
        str(s['seats']),
      ]),
    },
  ];
}

function accessBlocks(app: unknown): Block[] {
  const access = record(at(app, 'tech', 'access'));
  const links = records(access['links']);
  const hasVia = links.some((l) => str(l['via']) !== '');
  const columns = [
    { title: '链路', width: 10 },
    { title: '运营商', width: 14 },
    { title: '关口局 / 端局', width: hasVia ? 22 : 30 },
    { title: '所在地', width: 16 },
    { title: '信令方式', width: 14 },
    { title: '中继（路）', width: hasVia ? 10 : 16 },
    ...(hasVia ? [{ title: '转接方', width: 14 }] : []),
  ];
  return [
    { kind: 'fields', rows: [{ label: '接入方式', value: str(access['mode']) }] },
    {
      kind: 'table',
      columns,
      rows: links.map((l) => [
        str(l['id']),
        str(l['carrier']),
        str(l['gateway']),
        `${str(l['province'])}${str(l['city']) === str(l['province']) ? '' : str(l['city'])}`,
        str(l['signalling']),
        str(l['trunks']),
        ...(hasVia ? [str(l['via'])] : []),
      ]),
    },
  ];
}

function diagramBlocks(app: unknown, diagram: DiagramGraph): Block[] {
  const description = str(at(app, 'tech', 'network_diagram', 'description'));
  const blocks: Block[] = [];
  if (diagram.nodes.length > 0) {
    blocks.push(
      { kind: 'diagram', caption: `图 1\u3000${diagram.title}` },
      {
        kind: 'table',
        columns: [
          { title: '编号', width: 8 },
          { title: '节点', width: 32 },
          { title: '类型', width: 26 },
          { title: '说明', width: 34 },
        ],
        rows: diagram.nodes.map((n) => [
          String(n.number),
          n.label,
          NODE_KIND_LABELS[n.kind],
          [n.ref === undefined ? '' : `标识 ${n.ref}`, ...n.details].filter((s) => s !== '').join('；'),
        ]),
      },
      {
        kind: 'paragraph',
        style: 'note',
        text: `注：图 1 根据本申请的业务平台设置地、接入链路及话务路由自动绘制，矢量原图见导出包中的“${PACKAGE_FILES.diagram}”，图片版见“${PACKAGE_FILES.diagramPng}”。`,
      },
    );
  } else {
    blocks.push({ kind: 'paragraph', text: '（未填写业务平台和接入链路，无法绘制网络组织方案图。）' });
  }
  blocks.push({ kind: 'paragraph', style: 'bold', text: '网络组织方案说明' });
  blocks.push({ kind: 'paragraph', style: 'lead', text: description === '' ? NOT_GIVEN : description });
  return blocks;
}

function scheduleBlocks(app: unknown): Block[] {
  const entries = records(at(app, 'schedule'));
  return [
    {
      kind: 'paragraph',
      style: 'lead',
      text: '自获得号码使用批准之日起，按以下进度在各省（自治区、直辖市）开通号码：',
    },
    {
      kind: 'table',
      columns: [
        { title: '序号', width: 10 },
        { title: '省（自治区、直辖市）', width: 28 },
        { title: '城市', width: 20 },
        { title: '开通时间', width: 24 },
        { title: '备注', width: 18 },
      ],
      rows: entries.map((e, i) => {
        const offset = str(e['month_offset']);
        const date = str(e['date']);
        return [
          String(i + 1),
          str(e['province']),
          str(e['city']),
          offset !== '' ? `批准后第 ${offset} 个月` : dateCn(date),
          str(e['note']),
        ];
      }),
    },
  ];
}

function dialingBlocks(app: unknown): Block[] {
  const dialing = record(at(app, 'dialing'));
  const links = new Map(records(at(app, 'tech', 'access', 'links')).map((l) => [str(l['id']), l]));
  const sites = new Map(records(at(app, 'tech', 'platform', 'sites')).map((s) => [str(s['id']), s]));
  const routing = records(dialing['routing']);
  return [
    {
      kind: 'fields',
      rows: [
        { label: '是否需加拨长途区号', value: yesNo(dialing['needs_area_code']) },
        { label: '拨号方式', value: str(dialing['method']) },
      ],
    },
    { kind: 'paragraph', style: 'bold', text: '话务路由方式' },
    {
      kind: 'table',
      columns: [
        { title: '场景', width: 30 },
        { title: '运营商', width: 14 },
        { title: '接入链路（关口局）', width: 30 },
        { title: '落地平台', width: 26 },
      ],
      rows: routing.map((r) => {
        const link = links.get(str(r['link']));
        const site = sites.get(str(r['site']));
        return [
          [str(r['scenario']), str(r['description'])].filter((s) => s !== '').join('：'),
          str(r['carrier']),
          link === undefined ? str(r['link']) : `${str(r['link'])}（${str(link['gateway'])}）`,
          site === undefined ? str(r['site']) : `${str(site['name'])}（${str(r['site'])}）`,
        ];
      }),
    },
  ];
}

function preparationBlocks(app: unknown): Block[] {
  const prep = record(at(app, 'preparation'));
  const staff = record(prep['staff']);
  const site = record(prep['site']);
  const area = str(site['area_m2']);
  return [
    {
      kind: 'fields',
      rows: [
        {
          label: '人员',
          value: [
            str(staff['ready']) === '' ? '' : `已到位 ${str(staff['ready'])} 人`,
            str(staff['planned']) === '' ? '' : `计划 ${str(staff['planned'])} 人`,
            str(staff['description']),
          ]
            .filter((s) => s !== '')
            .join('；'),
        },
        {
          label: '场地',
          value: [str(site['address']), area === '' ? '' : `面积 ${area} 平方米`, str(site['description'])]
            .filter((s) => s !== '')
            .join('；'),
        },
      ],
    },
    { kind: 'paragraph', style: 'bold', text: '设备准备情况' },
    equipmentTable(records(prep['equipment'])),
    { kind: 'paragraph', style: 'bold', text: '线路准备情况' },
    {
      kind: 'table',
      columns: [
        { title: '运营商', width: 22 },
        { title: '线路', width: 52 },
        { title: '状态', width: 26 },
      ],
      rows: records(prep['lines']).map((l) => [str(l['carrier']), str(l['description']), str(l['status'])]),
    },
  ];
}

function equipmentTable(equipment: readonly Record<string, unknown>[]): Block {
  const withModel = equipment.some((e) => str(e['model']) !== '');
  return {
    kind: 'table',
    columns: [
      { title: '设备', width: withModel ? 40 : 56 },
      ...(withModel ? [{ title: '型号', width: 24 }] : []),
      { title: '数量', width: 16 },
      { title: '状态', width: withModel ? 20 : 28 },
    ],
    rows: equipment.map((e) => [
      str(e['name']),
      ...(withModel ? [str(e['model'])] : []),
      str(e['quantity']),
      str(e['status']),
    ]),
  };
}

function staffBlocks(app: unknown): Block[] {
  const staff = record(at(app, 'staff'));
  return [
    { kind: 'fields', rows: [{ label: '企业从业经验', value: str(staff['company_experience']) }] },
    { kind: 'paragraph', style: 'bold', text: '核心员工' },
    {
      kind: 'table',
      columns: [
        { title: '姓名', width: 14 },
        { title: '职务', width: 16 },
        { title: '从业年限', width: 14 },
        { title: '从业经历', width: 56 },
      ],
      rows: records(staff['core']).map((c) => [
        str(c['name']),
        str(c['role']),
        str(c['experience_years']) === '' ? '' : `${str(c['experience_years'])} 年`,
        str(c['experience']),
      ]),
    },
  ];
}

/** 技术方案.docx. */
export function technicalPlan(app: unknown, diagram: DiagramGraph): DocumentSpec {
  const name = str(at(app, 'applicant', 'name'));
  const date = str(at(app, 'application', 'date'));
  return {
    id: 'technical-plan',
    fileName: PACKAGE_FILES.technicalPlan,
    title: '全网呼叫中心 95 号码启用技术方案',
    subtitle: [name === '' ? '' : `申请单位：${name}`, date === '' ? '' : `日期：${dateCn(date)}`]
      .filter((s) => s !== '')
      .join('　　'),
    blocks: [
      { kind: 'heading', level: 1, text: '一、话音业务量预测及坐席规模规划（材料7）' },
      ...trafficBlocks(app),
      { kind: 'heading', level: 1, text: '二、业务平台设置' },
      ...platformBlocks(app),
      { kind: 'heading', level: 1, text: '三、接入基础电信网络方式' },
      ...accessBlocks(app),
      { kind: 'heading', level: 1, text: '四、网络组织方案' },
      ...diagramBlocks(app, diagram),
      { kind: 'heading', level: 1, text: '五、启用实施进度安排（材料8）' },
      ...scheduleBlocks(app),
      { kind: 'heading', level: 1, text: '六、用户拨号方式与话务路由方式（材料9）' },
      ...dialingBlocks(app),
      { kind: 'heading', level: 1, text: '七、开通前期工作准备情况（材料10）' },
      ...preparationBlocks(app),
      { kind: 'heading', level: 1, text: '八、企业及核心员工从业经验（材料11）' },
      ...staffBlocks(app),
    ],
  };
}
