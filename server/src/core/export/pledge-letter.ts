/**
 * The content of 电话接入号码使用承诺书.docx (material 12): filled with the applicant's name, credit
 * code, legal representative, numbers and date, with the commitments of reference.md §9.6
 * (R-PLEDGE-002) spelled out in Chinese. The official MIIT template text is NOT known (S24 only says
 * it is a fixed format), so every page carries "请与工信部官方模板核对 / check against the official
 * template" in the page header (kept to one page, so the note is not repeated in the body). Owns
 * the wording.
 */
import type { Block, DocumentSpec } from './types';
import { PACKAGE_FILES } from './types';
import { at, dateCn, joinCn, str, strings } from './format';

/** The header note of the pledge. */
export const PLEDGE_TEMPLATE_NOTE = '请与工信部官方模板核对 / Check against the official MIIT template';

/**
 * The commitments, keyed like pledge.schema.json's enum and R-PLEDGE-002, with the sources that
 * carry each (reference.md §9.6).
 */
export const PLEDGE_COMMITMENTS: readonly { readonly key: string; readonly text: (businesses: string) => string }[] = [
  {
    key: 'licensed_use_only',
    text: (businesses) =>
      `所申请的 95 号码仅用于我单位经许可的${businesses}，不用于许可范围以外的业务，并在规定的时限内启用，达到规定的最低使用规模。`,
  },
  {
    key: 'no_transfer_or_rent',
    text: () => '不以任何形式转让、出租或者变相转让、出租所分配的码号资源。',
  },
  {
    key: 'no_change_without_approval',
    text: () => '未经工业和信息化部批准，不擅自改变码号用途、使用范围或位长，不擅自启用未经分配的码号资源。',
  },
  {
    key: 'pay_fees',
    text: () => '按照国家有关规定按时足额缴纳码号资源占用费；知悉拒不缴纳的，码号资源将被依法收回并受到处罚。',
  },
  {
    key: 'annual_report',
    text: () =>
      '每年 3 月 31 日前通过工业和信息化部政务服务平台报送码号使用情况年报；在号码开通前办理码号备案，并在变更获批后 10 个工作日内更新备案信息。',
  },
  {
    key: 'report_changes',
    text: () => '单位名称、住所、法定代表人、联系方式等发生变更的，自变更之日起 10 个工作日内向电信管理机构报告。',
  },
  {
    key: 'no_harassment',
    text: () =>
      '号码以接受用户主动呼入为主，不利用码号拨打骚扰电话，不提供商业营销类电话外呼服务；确需开通呼出功能的，另行提交不违规呼出承诺书，并依法留存通话记录。',
  },
];

/** 电话接入号码使用承诺书.docx. */
export function pledgeLetter(app: unknown): DocumentSpec {
  const name = str(at(app, 'applicant', 'name'));
  const code = str(at(app, 'applicant', 'credit_code'));
  const legalRep = str(at(app, 'applicant', 'legal_rep'));
  const numbers = strings(at(app, 'number', 'candidates'));
  const businesses = strings(at(app, 'usage', 'businesses'));
  const date = str(at(app, 'pledge', 'date')) || str(at(app, 'application', 'date'));
  const blank = '________________';
  const who = `${name || blank}${code === '' ? '' : `（统一社会信用代码：${code}）`}`;
  const numberText = numbers.length === 0 ? '' : `（候选号码：${joinCn(numbers)}）`;
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'bold', text: '工业和信息化部：' },
    {
      kind: 'paragraph',
      style: 'lead',
      text: `我单位${who}申请使用全网呼叫中心 95 号码${numberText}。为规范使用电信网码号资源，我单位依据《中华人民共和国电信条例》《电信网码号资源管理办法》及《工业和信息化部关于加强呼叫中心业务管理的通知》（工信部信管〔2020〕81号）等规定，郑重承诺如下：`,
    },
    {
      kind: 'list',
      numbered: true,
      items: [
        ...PLEDGE_COMMITMENTS.map((c) => c.text(businesses.length === 0 ? '增值电信业务' : joinCn(businesses))),
        '保证所提交的申请材料真实、完整、有效，不隐瞒有关情况。',
      ],
    },
    {
      kind: 'paragraph',
      style: 'lead',
      text: '如违反上述承诺，我单位愿意承担相应的法律责任，并接受电信管理机构依法作出的处理，包括收回已分配的码号资源。',
    },
    { kind: 'paragraph', style: 'lead', text: '特此承诺。' },
    {
      kind: 'signature',
      lines: [
        { label: '承诺单位（盖章）', value: name },
        { label: '法定代表人（签字）', value: legalRep },
        { label: '日期', value: dateCn(date) },
      ],
    },
  ];
  return {
    id: 'pledge',
    fileName: PACKAGE_FILES.pledge,
    title: '电话接入号码使用承诺书',
    headerNote: PLEDGE_TEMPLATE_NOTE,
    onePage: true,
    blocks,
  };
}
