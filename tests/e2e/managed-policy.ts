/**
 * Chromium with an organisation policy. Debian's Chromium reads /etc/chromium/policies/managed/*.json.
 * The extension is loaded from a copy in a temporary folder, so its id (derived from the path) is unique
 * to this run and the policy cannot reach any other test. Everything is removed afterwards. CI runs as
 * root; a folder that cannot be written fails the test loudly (EACCES).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, extensionIdForPath, launchWithExtension, makeHarness, strayRequests, type Harness, type LaunchOptions } from './harness';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Runs `scenario` in a browser whose policy for this extension is `policy`; checks the harness's invariants after. */
export async function withManagedPolicy(
  policy: unknown,
  scenario: (harness: Harness, extensionDir: string) => Promise<void>,
  options: Pick<LaunchOptions, 'keepFirstRun'> = {},
): Promise<void> {
  const extensionDir = join(mkdtempSync(join(tmpdir(), 'ae-policy-ext-')), 'chrome-mv3');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const id = extensionIdForPath(extensionDir);
  const policyFile = join(POLICY_DIR, `async-etiquette-test-${id}.json`);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  const userDataDir = mkdtempSync(join(tmpdir(), 'ae-e2e-policy-'));
  try {
    const context = await launchWithExtension(userDataDir, { extensionDir, ...options });
    const harness = await makeHarness(context, userDataDir);
    try {
      expect(harness.extensionId).toBe(id);
      await scenario(harness, extensionDir);
    } finally {
      await context.close();
    }
    expect(harness.errors, 'uncaught errors or console errors in pages').toEqual([]);
    expect(strayRequests(context)).toEqual([]);
  } finally {
    rmSync(policyFile, { force: true });
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(join(extensionDir, '..'), { recursive: true, force: true });
  }
}
