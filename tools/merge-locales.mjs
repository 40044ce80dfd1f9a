// Temporary while several people add strings at once: utils/locales/parts/<area>.<lang>.yml → utils/locales/<lang>.yml.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
const dir = new URL('../utils/locales/', import.meta.url);
const parts = readdirSync(new URL('parts/', dir)).filter((f) => f.endsWith('.yml')).sort();
for (const lang of ['en', 'de']) {
  const text = parts
    .filter((f) => f.endsWith(`.${lang}.yml`))
    .map((f) => `# --- ${f}\n` + readFileSync(new URL(`parts/${f}`, dir), 'utf8').trimEnd() + '\n')
    .join('\n');
  writeFileSync(new URL(`${lang}.yml`, dir), text);
}
