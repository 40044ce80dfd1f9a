import { defineConfig } from 'wxt';
import { manifestCommands } from './utils/background/command-keys';

/**
 * Fixed forever: Firefox keys managed policy and storage by it. Organisation policy on Firefox has no
 * schema; admins put it in policies.json (README "For administrators"):
 *   { "policies": { "3rdparty": { "Extensions": { "async-etiquette@async-etiquette.dev":
 *       { "locked": { "sites": { "gmail": "confirm" } }, "recommended": { ... }, "directory": [ ... ] } } } } }
 */
export const GECKO_ID = 'async-etiquette@async-etiquette.dev';

export const HOST_MATCHES = [
  'https://mail.google.com/*',
  'https://app.slack.com/*',
  'https://docs.google.com/*',
];

/**
 * Every page renders with Preact (preact/compat) instead of React: the same components, a fraction of
 * the bytes. In content scripts that is what every Gmail, Slack and Docs tab loads; in the popup, React
 * DOM's parse was most of its start (bench (g)). Unit tests render the components with React.
 */
const PREACT_FOR_REACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
];

/**
 * The in-page UI (dialog, note, picker, Preact): an unlisted script the content scripts import when first
 * needed (utils/guard/lazy-ui.ts), so a tab that only ever sends in hours never loads it. Reachable from
 * the three sites' pages only.
 */
const PAGE_UI_CHUNK = 'page-ui';

type AliasList = Array<{ find: string | RegExp; replacement: string }>;
function aliasList(alias: unknown): AliasList {
  if (Array.isArray(alias)) return alias as AliasList;
  return Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}

export default defineConfig({
  hooks: {
    'vite:build:extendConfig': (_entrypoints, config) => {
      config.resolve ??= {};
      config.resolve.alias = [...PREACT_FOR_REACT, ...aliasList(config.resolve.alias)];
    },
  },
  imports: false,
  // Parallel work on one machine can build into separate folders (AE_OUT_DIR=.output-mine).
  outDir: process.env.AE_OUT_DIR ?? '.output',
  manifestVersion: 3,
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // All user-facing text: utils/locales/<lang>.yml (English is the default and the key set).
  i18n: { localesDir: 'utils/locales' },
  webExt: { disabled: true },
  zip: {
    excludeSources: ['tests/**', '**/*.log', 'test-results/**', 'playwright-report/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: HOST_MATCHES,
    web_accessible_resources: [{ resources: [`${PAGE_UI_CHUNK}.js`], matches: HOST_MATCHES }],
    // Keyboard commands (issue 8): names and keys declared once in utils/background/command-keys.ts.
    commands: manifestCommands(),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Chrome only (Firefox warns about the key): the organisation policy's schema (utils/store/policy.ts).
        { storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
