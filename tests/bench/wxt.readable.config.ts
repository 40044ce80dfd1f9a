import base from '../../wxt.config';
/** An unminified build, so `npm run bench -- --profile` names the extension's functions. */
export default { ...base, vite: () => ({ build: { minify: false } }) };
