/**
 * The network organisation diagram as a graph (material 7, reference.md §9.5 R-TECH-005), drawn
 * from the application's own topology: the callers, one network per carrier of `tech.access.links`,
 * a transit node where a link says `via`, one node per gateway (关口局/端局) and one per platform site
 * of `tech.platform.sites`. A link is joined to the sites the routing (`dialing.routing`) sends its
 * calls to; without routing, to the sites in its city, else its province, else every site. Owns the
 * graph only; layout and drawing are node-side (server/src/node/export/diagram-*.ts).
 */
import { carrierByName } from '../data/carriers';
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramNodeKind } from './types';

export { NODE_KIND_LABELS } from './types';
import { at, records, str, strings } from './format';

interface Draft {
  readonly key: string;
  readonly kind: DiagramNodeKind;
  readonly label: string;
  readonly details: readonly string[];
  readonly ref?: string;
}

function place(province: string, city: string): string {
  if (province === '') return city;
  if (city === '' || city === province) return province;
  return `${province}${city}`;
}

/** The display name of a carrier as written (normalised to the short name when known). */
function carrierName(written: string): string {
  return carrierByName(written)?.name ?? written;
}

/** The diagram graph of an application. Empty (no nodes) when there are no links and no sites. */
export function buildDiagram(app: unknown): DiagramGraph {
  const applicant = str(at(app, 'applicant', 'name'));
  const number = strings(at(app, 'number', 'candidates'))[0] ?? '';
  const sites = records(at(app, 'tech', 'platform', 'sites'));
  const links = records(at(app, 'tech', 'access', 'links'));
  const routing = records(at(app, 'dialing', 'routing'));
  const drafts: Draft[] = [];
  const edges: { from: string; to: string; label?: string }[] = [];
  const edgeKeys = new Set<string>();
  const addEdge = (from: string, to: string, label?: string): void => {
    const key = `${from}\u0000${to}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push(label === undefined || label === '' ? { from, to } : { from, to, label });
  };

  if (links.length > 0 || sites.length > 0) {
    drafts.push({
      key: 'users',
      kind: 'users',
      label: '全国主叫用户',
      details: number === '' ? ['固定电话 / 移动电话'] : [`拨打 ${number}`, '固定电话 / 移动电话'],
    });
  }

  const carriersSeen = new Map<string, string>();
  links.forEach((link) => {
    const name = carrierName(str(link['carrier']));
    if (name === '' || carriersSeen.has(name)) return;
    const key = `carrier:${name}`;
    carriersSeen.set(name, key);
    drafts.push({ key, kind: 'carrier', label: `${name}网络`, details: ['基础电信网络'] });
  });

  const siteKeys = sites.map((site, index) => {
    const id = str(site['id']);
    const key = `site:${index}`;
    const seats = str(site['seats']);
    const details = [place(str(site['province']), str(site['city']))].filter((d) => d !== '');
    if (seats !== '') details.push(`${seats} 个坐席`);
    drafts.push({
      key,
      kind: 'site',
      label: str(site['name']) || id || `业务平台 ${index + 1}`,
      details,
      ...(id !== '' ? { ref: id } : {}),
    });
    return { key, id, province: str(site['province']), city: str(site['city']) };
  });

  links.forEach((link, index) => {
    const id = str(link['id']);
    const key = `gateway:${index}`;
    const carrier = carrierName(str(link['carrier']));
    const province = str(link['province']);
    const city = str(link['city']);
    drafts.push({
      key,
      kind: 'gateway',
      label: str(link['gateway']) || id || `关口局 ${index + 1}`,
      details: [place(province, city), carrier].filter((d) => d !== ''),
      ...(id !== '' ? { ref: id } : {}),
    });
    const carrierKey = carriersSeen.get(carrier);
    const via = str(link['via']);
    if (via !== '') {
      const transitKey = `transit:${index}`;
      drafts.push({ key: transitKey, kind: 'transit', label: via, details: ['转接'] });
      if (carrierKey !== undefined) addEdge(carrierKey, transitKey);
      addEdge(transitKey, key);
    } else if (carrierKey !== undefined) {
      addEdge(carrierKey, key);
    }

    const signalling = str(link['signalling']);
    const trunks = str(link['trunks']);
    const label = [signalling, trunks === '' ? '' : `${trunks} 路`].filter((s) => s !== '').join(' · ');
    const routed = siteKeys.filter((site) =>
      routing.some((r) => str(r['link']) === id && id !== '' && str(r['site']) === site.id && site.id !== ''),
    );
    const sameCity = siteKeys.filter((site) => city !== '' && site.city === city && site.province === province);
    const sameProvince = siteKeys.filter((site) => province !== '' && site.province === province);
    const targets = [routed, sameCity, sameProvince, siteKeys].find((list) => list.length > 0) ?? [];
    for (const site of targets) addEdge(key, site.key, label);
  });

  for (const key of carriersSeen.values()) addEdge('users', key);
  if (links.length === 0) for (const site of siteKeys) addEdge('users', site.key);

  // Number in reading order: callers, networks, transits, gateways, sites.
  const order: DiagramNodeKind[] = ['users', 'carrier', 'transit', 'gateway', 'site'];
  const sorted = order.flatMap((kind) => drafts.filter((d) => d.kind === kind));
  const idOf = new Map<string, string>();
  const nodes: DiagramNode[] = sorted.map((draft, index) => {
    const id = `n${index + 1}`;
    idOf.set(draft.key, id);
    return {
      id,
      kind: draft.kind,
      number: index + 1,
      label: draft.label,
      details: draft.details,
      ...(draft.ref !== undefined ? { ref: draft.ref } : {}),
    };
  });
  const graphEdges: DiagramEdge[] = edges.flatMap((edge) => {
    const from = idOf.get(edge.from);
    const to = idOf.get(edge.to);
    if (from === undefined || to === undefined) return [];
    return [edge.label !== undefined ? { from, to, label: edge.label } : { from, to }];
  });
  return {
    title: applicant === '' ? '网络组织方案图' : `${applicant} 网络组织方案图`,
    nodes,
    edges: graphEdges,
  };
}
