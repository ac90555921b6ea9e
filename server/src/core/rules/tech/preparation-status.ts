/**
 * R-PREP-001: the preparation (material 10) shows real progress towards opening: not every piece of
 * equipment is only "计划采购" (the seed asks for "订货或到货、存货情况"), not every line is only
 * "计划申请", and some agents are already in place. It also carries the technical plan (material 7):
 * the planned agents staff the planned seats (`tech.seats` × `preparation_shifts`), the premises lie
 * at a platform site, and every carrier of tech.access.links has a line in the preparation. Each is
 * reported on the inconsistent value, naming the other place. Missing staff, premises, equipment or
 * lines are the schema's job.
 */
import { normalizeForCompare } from '../../checks/text';
import { carrierByName } from '../../data/carriers';
import { cities, findProvince } from '../../data/divisions';
import { defineRule } from '../define-rule';
import { getArray, getNumber, getString, isRecord } from '../../document/data-access';

const EQUIPMENT_PLANNED = '计划采购';
const LINE_PLANNED = '计划申请';

type MessageId =
  | 'equipmentAllPlanned'
  | 'linesAllPlanned'
  | 'noStaffReady'
  | 'staffBelowSeats'
  | 'seatsHere'
  | 'premisesNotAtSite'
  | 'sitesHere'
  | 'carrierWithoutLine'
  | 'linesHere';

/** The cities (official names and names without 市/地区/盟) an address names, longest first. */
function citiesInAddress(address: string): Set<string> {
  const text = normalizeForCompare(address);
  const found = new Set<string>();
  for (const city of cities) {
    const name = normalizeForCompare(city.name);
    const stem = name.replace(/(?:市|地区|盟)$/u, '');
    if (text.includes(name) || (Array.from(stem).length >= 2 && text.includes(stem))) found.add(city.code);
  }
  return found;
}

/** The city code a site's province/city pair names, if any. */
function siteCityCode(site: unknown): string | undefined {
  const city = getString(site, ['city']);
  if (city === undefined) return undefined;
  const province = findProvince(getString(site, ['province']) ?? '')?.province;
  const key = normalizeForCompare(city);
  const hit = cities.find(
    (c) =>
      (province === undefined || c.province === province.code) &&
      (normalizeForCompare(c.name) === key || normalizeForCompare(c.name).replace(/(?:市|地区|盟)$/u, '') === key),
  );
  return hit?.code;
}

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
  fields: [
    'tech.seats',
    'tech.access.links.*.carrier',
    'preparation',
    'preparation.staff',
    'preparation.staff.ready',
    'preparation.staff.planned',
    'preparation.site',
    'preparation.site.address',
    'preparation.equipment',
    'preparation.equipment.*',
    'preparation.equipment.*.status',
    'preparation.lines',
    'preparation.lines.*',
    'preparation.lines.*.status',
    'preparation.lines.*.carrier',
  ],
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
    staffBelowSeats: {
      'zh-cn':
        '计划人数 {planned} 人少于技术方案规划坐席所需的 {required} 人（tech.seats {seats} 席 × {shifts} 班，阈值 preparation_shifts）。前期准备应能支撑坐席规划：请增加计划人数，或核对 tech.seats 与排班假设。',
      en: 'The planned staff ({planned}) is below the {required} the planned seats need (tech.seats {seats} × {shifts} shift(s), threshold preparation_shifts). The preparation should carry the seat plan: plan more agents, or check tech.seats and the shift assumption.',
    },
    seatsHere: {
      'zh-cn': '技术方案规划的坐席数',
      en: 'The seats planned in the technical plan',
    },
    premisesNotAtSite: {
      'zh-cn':
        '场地地址“{address}”不在技术方案的平台设置地（{sites}）。前期准备的场地应是技术方案中的平台所在地：请核对场地地址或 tech.platform.sites。',
      en: 'The premises at “{address}” are not at a platform site of the technical plan ({sites}). The prepared premises should be where the platform is: check the address or tech.platform.sites.',
    },
    sitesHere: {
      'zh-cn': '技术方案中的平台设置地',
      en: 'The platform sites of the technical plan',
    },
    carrierWithoutLine: {
      'zh-cn':
        '接入方案中有{carrier}的接入链路，但前期准备的线路（preparation.lines）中没有{carrier}的线路。请补充该运营商线路的准备情况，或核对接入方案。',
      en: 'The access plan has a link to {carrier}, but the prepared lines (preparation.lines) have none of {carrier}. Add the preparation of that carrier’s line, or check the access plan.',
    },
    linesHere: {
      'zh-cn': '前期准备的线路',
      en: 'The prepared lines',
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

    // Staff against the seat plan.
    const seats = getNumber(app, ['tech', 'seats']);
    const planned = getNumber(app, ['preparation', 'staff', 'planned']);
    const shifts = ctx.thresholds.preparationShifts;
    if (seats !== undefined && planned !== undefined && seats > 0 && Number.isFinite(shifts) && shifts > 0) {
      const required = Math.ceil(seats * shifts);
      if (planned < required) {
        ctx.report({
          path: ['preparation', 'staff', 'planned'],
          messageId: 'staffBelowSeats',
          severity: 'warning',
          params: { planned, required, seats, shifts },
          related: [{ path: ['tech', 'seats'], messageId: 'seatsHere' }],
        });
      }
    }

    // Premises at a platform site: the same address, or an address in a site's city.
    const address = getString(app, ['preparation', 'site', 'address']);
    const sites = getArray(app, ['tech', 'platform', 'sites']).filter(isRecord);
    if (address !== undefined && address.trim() !== '' && sites.length > 0) {
      const same = sites.some((site) => {
        const a = getString(site, ['address']);
        return a !== undefined && normalizeForCompare(a) === normalizeForCompare(address);
      });
      const siteCities = sites.map(siteCityCode).filter((c): c is string => c !== undefined);
      const named = citiesInAddress(address);
      if (!same && siteCities.length > 0 && named.size > 0 && !siteCities.some((c) => named.has(c))) {
        const names = sites
          .map((site) => [getString(site, ['province']), getString(site, ['city'])].filter((x) => x !== undefined).join(''))
          .filter((x) => x !== '');
        ctx.report({
          path: ['preparation', 'site', 'address'],
          messageId: 'premisesNotAtSite',
          severity: 'warning',
          params: { address: address.trim(), sites: { 'zh-cn': names.join('、'), en: names.join(', ') } },
          related: [{ path: ['tech', 'platform', 'sites'], target: 'key', messageId: 'sitesHere' }],
        });
      }
    }

    // A line in the preparation for every carrier of the access links.
    const lines = getArray(app, ['preparation', 'lines']);
    if (lines.length > 0) {
      const prepared = new Set(
        lines
          .map((line) => carrierByName(getString(line, ['carrier']) ?? '')?.id)
          .filter((id) => id !== undefined),
      );
      const reported = new Set<string>();
      getArray(app, ['tech', 'access', 'links']).forEach((link, index) => {
        const written = getString(link, ['carrier']);
        const carrier = written === undefined ? undefined : carrierByName(written);
        if (carrier === undefined || prepared.has(carrier.id) || reported.has(carrier.id)) return;
        reported.add(carrier.id);
        ctx.report({
          path: ['tech', 'access', 'links', index, 'carrier'],
          messageId: 'carrierWithoutLine',
          severity: 'warning',
          params: { carrier: { 'zh-cn': carrier.name, en: `${carrier.name} (${carrier.en})` } },
          related: [{ path: ['preparation', 'lines'], target: 'key', messageId: 'linesHere' }],
        });
      });
    }
  },
});
