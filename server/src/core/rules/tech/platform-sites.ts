/**
 * R-TECH-002: the service platform (material 7(2)): a distributed platform has at least two sites, a
 * centralised one normally one; site ids are unique (routing refers to them); each site lies in a
 * province of the licence coverage and of the area of use. The mode enum and the site fields are the
 * schema's job; short province names are R-COVERAGE-004's.
 */
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { areaProvinces, coverageProvinces, provinceNames, provinceOf } from './shared';

const CENTRALISED = '集中设置';
const DISTRIBUTED = '分散设置';

type MessageId =
  | 'distributedNeedsTwoSites'
  | 'centralisedSeveralSites'
  | 'duplicateSiteId'
  | 'siteOutsideCoverage'
  | 'siteOutsideArea';

export default defineRule<MessageId>({
  id: 'R-TECH-002',
  name: 'platform-mode-and-sites',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: true,
  fields: [
    'tech.platform',
    'tech.platform.mode',
    'tech.platform.sites',
    'tech.platform.sites.*',
    'tech.platform.sites.*.id',
    'tech.platform.sites.*.province',
  ],
  description: {
    'zh-cn': '业务平台的设置方式与设置地一致（分散设置至少两个设置地），且设置地位于许可证覆盖范围和号码使用范围内。',
    en: 'The platform mode matches its sites (a distributed platform has at least two), and the sites lie within the licence coverage and the area of use.',
  },
  messages: {
    distributedNeedsTwoSites: {
      'zh-cn': '业务平台为“分散设置”，但只列出了 {count} 个设置地。分散设置至少需要两个设置地：请补充其他设置地，或改为“集中设置”。',
      en: 'The platform is distributed (分散设置) but lists only {count} site(s). A distributed platform needs at least two sites: add the other sites, or change the mode to 集中设置 (centralised).',
    },
    centralisedSeveralSites: {
      'zh-cn': '业务平台为“集中设置”，却列出了 {count} 个设置地（{sites}）。若平台分布在多地，请改为“分散设置”；若只有一处是业务平台，请只列出该设置地。',
      en: 'The platform is centralised (集中设置) but lists {count} sites ({sites}). If the platform runs in several places, change the mode to 分散设置 (distributed); otherwise list only the platform’s site.',
    },
    duplicateSiteId: {
      'zh-cn': '设置地标识“{id}”重复（第 {first} 个设置地已使用），话务路由无法区分。请为每个设置地使用不同的 id。',
      en: 'Site id “{id}” is used twice (site {first} already has it), so routing cannot tell them apart. Give each site its own id.',
    },
    siteOutsideCoverage: {
      'zh-cn': '设置地“{site}”位于{province}，不在许可证的业务覆盖范围（{coverage}）内。业务平台应设在许可证覆盖的省份，请核对设置地或许可证覆盖范围。',
      en: 'Site “{site}” is in {province}, outside the licence coverage ({coverage}). The platform should be set up in a province the licence covers: check the site or the coverage.',
    },
    siteOutsideArea: {
      'zh-cn': '设置地“{site}”位于{province}，不在号码的使用范围（{area}）内。请核对设置地，或说明该平台为何设在使用范围之外。',
      en: 'Site “{site}” is in {province}, outside the area of use of the number ({area}). Check the site, or explain why the platform lies outside the area of use.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const sitesPath = ['tech', 'platform', 'sites'] as const;
    const sites = getArray(app, [...sitesPath]);
    const mode = getString(app, ['tech', 'platform', 'mode']);
    const siteRecords = sites.filter(isRecord);

    if (sites.length > 0 && mode !== undefined) {
      if (mode === DISTRIBUTED && sites.length < 2) {
        ctx.report({
          path: ['tech', 'platform', 'mode'],
          messageId: 'distributedNeedsTwoSites',
          params: { count: sites.length },
          fixes: [
            {
              kind: 'replaceValue',
              path: ['tech', 'platform', 'mode'],
              value: CENTRALISED,
              title: { 'zh-cn': '改为“集中设置”', en: 'Change to 集中设置 (centralised)' },
            },
          ],
        });
      } else if (mode === CENTRALISED && sites.length >= 2) {
        const labels = siteRecords.map((s, i) => getString(s, ['name']) ?? getString(s, ['id']) ?? `#${i + 1}`);
        ctx.report({
          path: ['tech', 'platform', 'mode'],
          messageId: 'centralisedSeveralSites',
          severity: 'warning',
          params: { count: sites.length, sites: { 'zh-cn': labels.join('、'), en: labels.join(', ') } },
          fixes: [
            {
              kind: 'replaceValue',
              path: ['tech', 'platform', 'mode'],
              value: DISTRIBUTED,
              title: { 'zh-cn': '改为“分散设置”', en: 'Change to 分散设置 (distributed)' },
            },
          ],
        });
      }
    }

    // Unique site ids.
    const firstById = new Map<string, number>();
    sites.forEach((site, index) => {
      const id = isRecord(site) ? getString(site, ['id']) : undefined;
      if (id === undefined || id === '') return;
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, index);
      else ctx.report({ path: [...sitesPath, index, 'id'], messageId: 'duplicateSiteId', params: { id, first: first + 1 } });
    });

    // Sites inside the licence coverage, else inside the area of use.
    const coverage = coverageProvinces(app);
    const area = areaProvinces(app);
    sites.forEach((site, index) => {
      if (!isRecord(site)) return;
      const province = provinceOf(site['province']);
      if (province === undefined) return;
      const label = getString(site, ['name']) ?? getString(site, ['id']) ?? `#${index + 1}`;
      const where = province.name;
      if (coverage !== undefined && !coverage.some((p) => p.code === province.code)) {
        ctx.report({
          path: [...sitesPath, index, 'province'],
          messageId: 'siteOutsideCoverage',
          severity: 'warning',
          params: { site: label, province: where, coverage: provinceNames(coverage) },
        });
      } else if (area.length > 0 && !area.some((p) => p.code === province.code)) {
        ctx.report({
          path: [...sitesPath, index, 'province'],
          messageId: 'siteOutsideArea',
          severity: 'warning',
          params: { site: label, province: where, area: provinceNames(area) },
        });
      }
    });
  },
});
