// The project's local lint rules, as an ESLint plugin (`miit95/…` in eslint.config.mjs).
import layers from './layers.mjs';
import noCycle from './no-cycle.mjs';

export default { meta: { name: 'miit95' }, rules: { layers, 'no-cycle': noCycle } };
