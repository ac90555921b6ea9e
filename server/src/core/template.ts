/**
 * The "new application" template: a complete application file (every section of the format, in the
 * order of the complete sample) with placeholders a person recognises — `待填写` for a value and
 * `请填写……` for a text — and Chinese comments saying what goes where. Shared by the editor's
 * `miit95.newApplication` command and the CLI's `miit95 init`. Also owns the placeholder syntax
 * (where the placeholders are, which line is a placeholder line) and the file name for a company.
 * Pure: no file system, no clock (the caller passes today's date).
 *
 * The template validates with errors only on placeholder lines: every value the applicant must
 * supply is a placeholder or carries a `待填写` comment, and nothing else is asserted as fact.
 */
import type { OffsetRange } from './types';

/** The short placeholder of a value. */
export const PLACEHOLDER = '待填写';

/** Marks a placeholder line: a value or comment that still says what to fill in. */
const PLACEHOLDER_LINE = /待填写|请填写/u;

/**
 * A placeholder value: `待填写` (alone or inside quotes/brackets), or a text starting with `请填写`
 * up to the end of the scalar (before a comment or a closing quote/bracket).
 */
const PLACEHOLDER_VALUE = /待填写|请填写[^"\n#\]]*[^"\s#\]]/gu;

export interface TemplateOptions {
  /** The applicant's name (公司名), written into `applicant.name` and `licence.holder_name`. */
  readonly companyName: string;
  /** Today's date, `YYYY-MM-DD`: the application date. */
  readonly today: string;
}

/** The company name on one line, trimmed (line breaks and runs of spaces become one space). */
export function normalizeCompanyName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

/** Characters file systems refuse in a name (Windows' set; control characters separately). */
const UNSAFE_FILE_CHARS = /[<>:"/\\|?*]/gu;

function withoutControlCharacters(text: string): string {
  return Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
}

/** `<公司名>.app95.yaml`, with characters a file name cannot hold replaced by `_`. */
export function templateFileName(companyName: string): string {
  const base = withoutControlCharacters(normalizeCompanyName(companyName))
    .replace(UNSAFE_FILE_CHARS, '_')
    .replace(/^\.+/u, '');
  return `${base === '' ? '新申请' : base}.app95.yaml`;
}

/**
 * A YAML scalar for a name: plain when that reads back as the same string, else double-quoted
 * (JSON string syntax is valid YAML).
 */
function scalar(text: string): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/u.test(text) &&
    !/:\s|\s#|[\t\n]|:$|\s$/u.test(text) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d._:+-eE]*)$/iu.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** The template's lines, with the company name and date filled in. */
export function applicationTemplate(options: TemplateOptions): string {
  const companyName = normalizeCompanyName(options.companyName);
  const name = companyName === '' ? PLACEHOLDER : scalar(companyName);
  const title = companyName === '' ? '（待填写申请单位名称）' : companyName;
  const today = options.today;
  const lastYear = Number(today.slice(0, 4)) - 1;
  const reportYear = Number.isInteger(lastYear) && lastYear >= 2000 ? lastYear : PLACEHOLDER;
  return `apiVersion: miit95/v1
# 全网呼叫中心 95 号码申请 —— ${title}
# 由 miit95 生成于 ${today}。把每个“待填写”和“请填写……”换成实际内容：编辑器会在每个还要处理的地方
# 标出问题（问题视图），全部处理完即可预览费用并导出申请材料。格式说明：docs/format.md。
# 附件路径相对于本文件所在文件夹；请把扫描件放到注释所说的位置（或改成实际路径）。

application:
  date: ${today}                    # 申请日期（提交工信部的日期）

# 材料1：申请单位基本信息及营业执照
applicant:
  name: ${name}
  credit_code: 待填写                 # 统一社会信用代码（18位）
  legal_rep: 待填写                   # 法定代表人
  registered_capital_cny: 待填写      # 注册资本（元），填数字，如 10000000
  address: 待填写                     # 住所（与营业执照一致）
  contact:
    name: 待填写                      # 联系人
    phone: 待填写                     # 联系电话，如 0571-88886666
    # mobile: "13900001111"          # 手机（可选，须加引号）
    email: 待填写                     # 电子邮箱
  business_licence_file: 附件/营业执照.pdf    # 待填写：营业执照扫描件放在此路径
  existing_numbers: []              # 已持有的 95 号码，没有则留空
  compliance:
    untrustworthy_list: false       # 是否列入电信业务经营失信名单（请核实）
    penalties: []                   # 近期行政处罚，没有则留空

# 材料2：增值电信业务经营许可证
licence:
  number: 待填写                      # 许可证编号，如 B2-20213456
  holder_name: ${name}
  holder_credit_code: 待填写          # 持证单位的统一社会信用代码
  valid_from: 待填写                  # 有效期起始日期 YYYY-MM-DD
  valid_until: 待填写                 # 有效期截止日期 YYYY-MM-DD
  businesses:                       # 许可的业务种类（按许可证的写法，请核对）
    - name: 国内呼叫中心业务
      code: B24-1
  coverage: [待填写]                  # 业务覆盖范围：省份名称或“全国”，如 [浙江省, 江苏省, 上海市]
  annual_reports:
    - year: ${reportYear}
      status: 待填写                  # 年报状态：已报送 / 未报送 / 无需报送
  files:
    - 附件/增值电信业务经营许可证-正文.pdf    # 待填写：许可证正文扫描件
    - 附件/增值电信业务经营许可证-附页.pdf    # 待填写：附页、特别规定事项及年检页扫描件

# 候选号码（按优先顺序）及位长
number:
  candidates: ["待填写"]              # 如 ["95079", "95128", "952388"]：950、951 为 5 位，952 为 6 位
  # expected_billing_start: ${today}   # 预计计费起始日期（可选）
  # 材料6：拓展位长
  extension:
    planned: false                  # 是否计划拓展位长；计划拓展时改为 true，并写 necessity、plan、total_length
    call_flow: 请填写用户拨打本号码后的接续流程（经哪家运营商关口局路由到平台、IVR 菜单、转人工、排队等）
    voice_prompts:
      - 请填写语音提示内容，如欢迎语和 IVR 菜单提示
  sms:
    enabled: false                  # 是否开通短消息接入

# 材料3—5：业务种类、使用范围、用途
usage:
  businesses: [国内呼叫中心业务]      # 拟开展的业务，须在许可证的业务种类之内
  area:                             # 使用地域范围：省份及其城市
    - province: 待填写                # 如 浙江省
      cities: [待填写]                # 如 [杭州市, 宁波市]
  description: 请填写号码用途，如为哪些企业提供哪些呼叫中心服务、以呼入还是呼出为主
  customers:
    - name: 待填写                    # 客户名称
      type: 待填写                    # 客户类型，如 电子商务平台
      status: 待填写                  # 已签约 / 洽谈中 / 意向
  business_model: 请填写业务模式，如按坐席或话务量向企业客户收费的方式
  outbound_marketing: false         # 是否用于营销外呼（95 号码不得用于营销外呼）

# 材料7：技术方案
tech:
  traffic_forecast:
    busy_hour_calls: 待填写           # 忙时呼入量（次/小时）
    average_handle_time_s: 待填写     # 平均处理时长（秒）
    service_level:
      target_percent: 80            # 服务水平目标：80% 的呼叫……
      answer_within_s: 20           # ……在 20 秒内接通
  seats: 待填写                       # 规划坐席数
  platform:
    mode: 集中设置                    # 集中设置 / 分散设置
    sites:
      - id: site-1                  # 设置地标识，话务路由中引用
        name: 待填写                  # 平台名称，如 杭州呼叫中心平台
        province: 待填写
        city: 待填写
        address: 待填写
        seats: 待填写                 # 本设置地坐席数
  access:
    mode: 三网全直联                  # 三网全直联 / 部分直联 / 转接
    links:                          # 与基础电信网络的连接，话务路由中按 id 引用
      - id: ct-1
        carrier: 中国电信
        gateway: 待填写               # 接入的关口局或端局
        province: 待填写
        signalling: SIP             # SS7-ISUP / SS7-TUP / SIP / SIP-I / PRI/DSS1
      - id: cm-1
        carrier: 中国移动
        gateway: 待填写
        province: 待填写
        signalling: SIP
      - id: cu-1
        carrier: 中国联通
        gateway: 待填写
        province: 待填写
        signalling: SIP
  network_diagram:
    file: 附件/网络组织方案图.pdf       # 待填写：根据实际情况绘制的网络组织方案图
    description: 请填写网络组织方案的简要描述（平台、关口局、中继与信令的连接关系）

# 材料8：启用实施进度（自获得批准之日起的月数）
schedule:
  - province: 待填写                  # 使用地域范围中的每个省份各写一项
    month_offset: 1

# 材料9：用户拨号方式与话务路由
dialing:
  needs_area_code: false            # 是否需加拨长途区号（全网号码通常不需要）
  method: 请填写用户的拨号方式，如全国用户直接拨打本号码，无需加拨长途区号
  routing:                          # 每个场景的话务路由：site、link 引用上面技术方案中的 id
    - scenario: 中国电信用户呼入
      carrier: 中国电信
      site: site-1
      link: ct-1
    - scenario: 中国移动用户呼入
      carrier: 中国移动
      site: site-1
      link: cm-1
    - scenario: 中国联通用户呼入
      carrier: 中国联通
      site: site-1
      link: cu-1

# 材料10：前期准备情况
preparation:
  staff:
    ready: 待填写                     # 已到岗人数
    planned: 待填写                   # 计划人数
  site:
    address: 待填写                   # 场地地址
  equipment:
    - name: 待填写                    # 设备名称，如 软交换及 ACD 平台
      quantity: 待填写
      status: 待填写                  # 计划采购 / 已订货 / 已到货 / 现有库存
  lines:
    - carrier: 中国电信
      status: 待填写                  # 计划申请 / 已申请 / 已签约 / 已开通
    - carrier: 中国移动
      status: 待填写
    - carrier: 中国联通
      status: 待填写

# 材料11：从业经验
staff:
  company_experience: 请填写企业的呼叫中心业务从业背景和经验
  core:                             # 待填写：核心员工，每人写明从业年限和具体经历
    - name: 待填写                    # 核心员工姓名
      role: 待填写                    # 职务
      experience_years: 待填写        # 从业年限
      experience: 请填写该员工的相关从业经历

# 材料12：《电话接入号码使用承诺书》
pledge:
  file: 附件/电话接入号码使用承诺书.pdf  # 待填写：签字盖章的承诺书扫描件
  signed_by: 待填写                   # 签署人（法定代表人）
  sealed: false                     # 待填写：加盖公章后改为 true
  date: 待填写                        # 签署日期 YYYY-MM-DD
  commitments:
    - licensed_use_only
    - no_transfer_or_rent
    - no_change_without_approval
    - pay_fees
    - annual_report
    - report_changes
    - no_harassment

# 呼出功能（不属于 12 项材料；号码原则上只开通呼入）
outbound:
  enabled: false
`;
}

/** The placeholder values of a text (template or a file being filled in), in order. */
export function placeholderRanges(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = codePart(line);
    for (const match of code.matchAll(PLACEHOLDER_VALUE)) {
      const start = offset + (match.index ?? 0);
      out.push({ start, end: start + match[0].length });
    }
    offset += line.length + 1;
  }
  return out;
}

/** The first placeholder value, where the editor puts the cursor; undefined when all are filled. */
export function firstPlaceholder(text: string): OffsetRange | undefined {
  return placeholderRanges(text)[0];
}

/** True when a line still holds a placeholder (in its value or its comment). */
export function isPlaceholderLine(line: string): boolean {
  return PLACEHOLDER_LINE.test(line);
}

/** A line without its comment (a `#` at the start or after a space, outside quotes). */
function codePart(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/u.test(line.charAt(i - 1)))) return line.slice(0, i);
  }
  return line;
}
