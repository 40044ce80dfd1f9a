import base from '../../wxt.config';
export default { ...base, vite: () => ({ build: { sourcemap: true } }) };
