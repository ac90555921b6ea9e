/**
 * R-PREP-001: the preparation (material 10) shows real progress towards opening: not every piece of
 * equipment is only "计划采购" (the seed asks for "订货或到货、存货情况"), not every line is only
 * "计划申请", and some agents are already in place. Missing staff, premises, equipment or lines are
 * the schema's job.
 */
import { defineRule, getArray, getNumber, getString, isRecord } from '../define-rule';

const EQUIPMENT_PLANNED = '计划采购';
const LINE_PLANNED = '计划申请';

type MessageId = 'equipmentAllPlanned' | 'linesAllPlanned' | 'noStaffReady';

/** True when the list has items, each a mapping with a status, all equal to `planned`. */
function allPlanned(items: readonly unknown[], planned: string): boolean {
  return items.length > 0 && items.every((item) => isRecord(item) && getString(item, ['status']) === planned);
}

export default defineRule<MessageId>({
  id: 'R-PREP-001',
  name: 'preparation-beyond-planning',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  description: {
    'zh-cn': '前期准备情况说明人员、场地、设备（已订货、已到货或现有库存）和线路，且不全是计划。',
    en: 'The preparation covers staff, premises, equipment (ordered, delivered or in stock) and lines, and is not all plans.',
  },
  messages: {
    equipmentAllPlanned: {
      'zh-cn': '所有设备都还是“计划采购”，没有一项已订货、已到货或现有库存。审核要求说明“达到近期启用码号所需设备的订货或到货、存货情况”：请至少落实核心设备（如软交换、ACD 平台）的订货，并更新状态。',
      en: 'Every piece of equipment is still “计划采购” (planned); nothing is ordered, delivered or in stock. The review asks for the equipment needed to open the number soon to be ordered, delivered or in stock: order at least the core equipment (softswitch, ACD platform) and update the status.',
    },
    linesAllPlanned: {
      'zh-cn': '所有线路都还是“计划申请”，没有一条已申请、已签约或已开通。审核要求说明线路准备情况：请至少向一家运营商提交线路申请，并更新状态。',
      en: 'Every line is still “计划申请” (planned); none is applied for, contracted or in service. The review asks how the lines are prepared: apply for lines with at least one carrier and update the status.',
    },
    noStaffReady: {
      'zh-cn': '已到岗人数为 0。审核要求说明启用号码所需人员的准备情况：请先招聘并培训部分坐席人员，或说明到岗计划。',
      en: 'No agents are in place yet (ready: 0). The review asks how the staff needed to open the number is prepared: hire and train some agents first, or describe when they start.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    if (allPlanned(getArray(app, ['preparation', 'equipment']), EQUIPMENT_PLANNED)) {
      ctx.report({ path: ['preparation', 'equipment'], target: 'key', messageId: 'equipmentAllPlanned', severity: 'warning' });
    }
    if (allPlanned(getArray(app, ['preparation', 'lines']), LINE_PLANNED)) {
      ctx.report({ path: ['preparation', 'lines'], target: 'key', messageId: 'linesAllPlanned', severity: 'warning' });
    }
    if (getNumber(app, ['preparation', 'staff', 'ready']) === 0) {
      ctx.report({ path: ['preparation', 'staff', 'ready'], messageId: 'noStaffReady', severity: 'warning' });
    }
  },
});
