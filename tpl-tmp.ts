import { validate, displayPath } from './server/src/core';
import { applicationTemplate } from './server/src/core/template';
const text = applicationTemplate({ companyName: '杭州示例科技有限公司', today: '2026-12-01' });
const r = validate(text, { today: '2026-12-01', files: { probe: () => 'missing' } });
for (const f of r.findings) console.log(`      ['${f.code}', '${f.data.path.join('.')}'],`);
