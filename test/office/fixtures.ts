/**
 * Applications for the office tests beyond the samples: the complete sample turned into a
 * distributed platform (three sites, a long site name) with mixed direct and transit access (five
 * links, two gateways of one carrier, a `via`).
 */
import { parseDocument } from 'yaml';
import { SAMPLE_TEXT } from '../unit/export/helpers';

/** The sample with a distributed platform and mixed direct and transit access. */
export function distributedText(): string {
  const doc = parseDocument(SAMPLE_TEXT);
  doc.setIn(['tech', 'platform', 'mode'], '分散设置');
  doc.setIn(['tech', 'platform', 'sites'], [
    { id: 'hz-main', name: '杭州呼叫中心平台', province: '浙江省', city: '杭州市', address: '浙江省杭州市西湖区文三路 398 号', seats: 40 },
    { id: 'gz', name: '广州华南区域呼叫中心业务平台（第二平台）', province: '广东省', city: '广州市', address: '广州市天河区体育西路 1 号', seats: 30 },
    { id: 'cd', name: '成都灾备平台', province: '四川省', city: '成都市', address: '成都市高新区天府大道 100 号', seats: 10 },
  ]);
  doc.setIn(['tech', 'access', 'mode'], '部分直联');
  doc.setIn(['tech', 'access', 'links'], [
    { id: 'ct-hz', carrier: '中国电信', gateway: '杭州电信长途关口局', province: '浙江省', city: '杭州市', signalling: 'SIP', trunks: 120 },
    { id: 'ct-gz', carrier: '中国电信', gateway: '广州电信汇接局', province: '广东省', city: '广州市', signalling: 'SIP-I', trunks: 60 },
    { id: 'cm-gz', carrier: '中国移动', gateway: '广州移动关口局', province: '广东省', city: '广州市', signalling: 'SIP', trunks: 90 },
    { id: 'cu-gz', carrier: '中国联通', gateway: '广州联通端局', province: '广东省', city: '广州市', signalling: 'SS7-ISUP', trunks: 30, via: '经中国电信广州关口局转接' },
    { id: 'cbn-cd', carrier: '中国广电', gateway: '成都广电关口局', province: '四川省', city: '成都市', signalling: 'SIP', trunks: 10 },
  ]);
  doc.deleteIn(['dialing', 'routing']);
  return doc.toString();
}

