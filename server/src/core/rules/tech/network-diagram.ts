/**
 * R-TECH-005: the network organisation diagram (material 7(4)): the diagram file exists inside the
 * application folder, and its description names the company's own platform (a site's name or id)
 * and at least one of its own gateways (a link's gateway or id), as a sign that the plan was drawn
 * for this company and not copied from the web. The file and description being present is the
 * schema's job; without a file probe the file check stays silent.
 */
import { normalizeForCompare } from '../../checks/text';
import type { LocalizedText } from '../../types';
import { defineRule } from '../define-rule';
import { getArray, getString, isRecord } from '../../document/data-access';
import { joinNames } from './shared';

type MessageId = 'fileMissing' | 'fileOutside' | 'fileIsFolder' | 'describesNoSiteNoGateway' | 'describesNoSite' | 'describesNoGateway';

export default defineRule<MessageId>({
  id: 'R-TECH-005',
  name: 'network-diagram-own-plan',
  defaultSeverity: 'error',
  status: 'secondary',
  fixable: false,
  fields: ['tech.network_diagram', 'tech.network_diagram.file', 'tech.network_diagram.description'],
  description: {
    'zh-cn': '网络组织方案图文件存在，其描述提到本单位自己的平台设置地和关口局（按实际情况绘制，而非网上下载）。',
    en: 'The network organisation diagram exists, and its description names the company’s own platform sites and gateways (drawn for this company, not downloaded).',
  },
  messages: {
    fileMissing: {
      'zh-cn': '找不到网络组织方案图“{file}”。请把方案图放到该路径（相对于申请文件所在目录），或改正路径。',
      en: 'The network organisation diagram “{file}” was not found. Put the diagram at this path (relative to the application file’s folder), or correct the path.',
    },
    fileOutside: {
      'zh-cn': '网络组织方案图“{file}”不在申请文件所在目录内。附件必须放在申请文件所在目录（或其子目录，如“附件/”）中，请移动文件并改用相对路径。',
      en: 'The network organisation diagram “{file}” lies outside the application folder. Attachments must be inside the folder of the application file (or a subfolder such as 附件/): move the file and use a relative path.',
    },
    fileIsFolder: {
      'zh-cn': '“{file}”是一个文件夹，不是方案图文件。请写出方案图文件本身的路径，如“附件/网络组织方案图.pdf”。',
      en: '“{file}” is a folder, not the diagram. Give the path of the diagram file itself, e.g. 附件/网络组织方案图.pdf.',
    },
    describesNoSiteNoGateway: {
      'zh-cn': '网络组织方案的描述没有提到本单位的平台设置地（{sites}）和关口局（{gateways}）。方案须按本单位实际情况绘制，不能从网上下载复制：请在描述中写明平台设在哪里、与哪些关口局如何连接。',
      en: 'The description of the network organisation names neither the company’s platform sites ({sites}) nor its gateways ({gateways}). The plan must be drawn for this company, not copied from the web: say where the platform is and how it connects to which gateways.',
    },
    describesNoSite: {
      'zh-cn': '网络组织方案的描述没有提到本单位的平台设置地（{sites}）。请写明平台设在哪里，使描述与技术方案一致。',
      en: 'The description of the network organisation does not name the company’s platform sites ({sites}). Say where the platform is, so the description matches the technical plan.',
    },
    describesNoGateway: {
      'zh-cn': '网络组织方案的描述没有提到本单位接入的关口局（{gateways}）。请写明平台与哪些关口局/端局如何连接。',
      en: 'The description of the network organisation does not name the gateways the company connects to ({gateways}). Say which gateways or end offices the platform connects to, and how.',
    },
  },
  check(ctx) {
    const app = ctx.app;
    const diagramPath = ['tech', 'network_diagram'] as const;

    const file = getString(app, [...diagramPath, 'file']);
    if (file !== undefined && file.trim() !== '' && ctx.files) {
      const kind = ctx.files.probe(file);
      const messageId: MessageId | undefined =
        kind === 'missing' ? 'fileMissing' : kind === 'outside' ? 'fileOutside' : kind === 'directory' ? 'fileIsFolder' : undefined;
      if (messageId !== undefined) ctx.report({ path: [...diagramPath, 'file'], messageId, params: { file } });
    }

    const description = getString(app, [...diagramPath, 'description']);
    if (description === undefined || description.trim() === '') return;
    const text = normalizeForCompare(description);
    const mentions = (names: readonly string[]): boolean => names.some((n) => text.includes(normalizeForCompare(n)));

    const siteNames: string[][] = [];
    for (const site of getArray(app, ['tech', 'platform', 'sites'])) {
      if (!isRecord(site)) continue;
      const names = [getString(site, ['name']), getString(site, ['id'])].filter(usable);
      if (names.length > 0) siteNames.push(names);
    }
    const gatewayNames: string[][] = [];
    for (const link of getArray(app, ['tech', 'access', 'links'])) {
      if (!isRecord(link)) continue;
      const names = [getString(link, ['gateway']), getString(link, ['id'])].filter(usable);
      if (names.length > 0) gatewayNames.push(names);
    }

    const noSite = siteNames.length > 0 && !siteNames.some(mentions);
    const noGateway = gatewayNames.length > 0 && !gatewayNames.some(mentions);
    if (!noSite && !noGateway) return;
    const list = (groups: string[][]): LocalizedText => joinNames(groups.map((g) => g[0] ?? ''));
    ctx.report({
      path: [...diagramPath, 'description'],
      messageId: noSite && noGateway ? 'describesNoSiteNoGateway' : noSite ? 'describesNoSite' : 'describesNoGateway',
      severity: 'info',
      params: { sites: list(siteNames), gateways: list(gatewayNames) },
    });
  },
});

/** A name worth looking for: at least two characters after normalisation. */
function usable(name: string | undefined): name is string {
  return name !== undefined && Array.from(normalizeForCompare(name)).length >= 2;
}
