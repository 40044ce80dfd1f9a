/**
 * Host access (issue 8 item 2): Firefox lets people withdraw an extension's access to a site (and
 * Chrome can restrict it to "on click"). Without it the content script does not run there, so the
 * popup names the site and asks for it back.
 */
import { browser } from 'wxt/browser';

/** Must match `HOST_MATCHES` in wxt.config.ts (a unit test checks). */
export const HOST_ACCESS = [
  { site: 'Gmail', origin: 'https://mail.google.com/*' },
  { site: 'Slack', origin: 'https://app.slack.com/*' },
  { site: 'Google Docs', origin: 'https://docs.google.com/*' },
] as const;

export type HostAccess = (typeof HOST_ACCESS)[number];

/** The sites whose access is missing. A browser that cannot tell (no permissions API) reports none. */
export async function missingHostAccess(): Promise<HostAccess[]> {
  const checks = await Promise.all(
    HOST_ACCESS.map(async (host) => {
      try {
        return (await browser.permissions.contains({ origins: [host.origin] })) ? null : host;
      } catch {
        return null;
      }
    }),
  );
  return checks.filter((h): h is HostAccess => h !== null);
}

/** Must run in a user gesture (a click in the popup). Resolves to whether access was granted. */
export async function requestHostAccess(hosts: readonly HostAccess[]): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: hosts.map((h) => h.origin) });
  } catch {
    return false;
  }
}
