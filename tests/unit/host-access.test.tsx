// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HostAccess } from '@/components/HostAccess';
import { HOST_ACCESS, missingHostAccess } from '@/utils/ui/host-access';
import { HOST_MATCHES } from '@/wxt.config';
import { useLanguage } from './setup/i18n';

type Origins = { origins?: string[] };

describe('host access (Firefox lets people withdraw it)', () => {
  let granted: Set<string>;
  beforeEach(() => {
    fakeBrowser.reset();
    granted = new Set(HOST_ACCESS.map((h) => h.origin));
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p: Origins) => (p.origins ?? []).every((o) => granted.has(o)));
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p: Origins) => {
      for (const o of p.origins ?? []) granted.add(o);
      return true;
    });
  });
  afterEach(cleanup);

  it('checks the same hosts the manifest asks for', () => {
    expect(HOST_ACCESS.map((h) => h.origin)).toEqual(HOST_MATCHES);
  });

  it('reports the sites whose access is missing', async () => {
    expect(await missingHostAccess()).toEqual([]);
    granted.delete('https://app.slack.com/*');
    expect((await missingHostAccess()).map((h) => h.site)).toEqual(['Slack']);
  });

  it('reports none when the browser cannot tell', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('not supported'));
    expect(await missingHostAccess()).toEqual([]);
  });

  it('the popup names the missing sites and asks for them on click', async () => {
    granted.delete('https://app.slack.com/*');
    granted.delete('https://docs.google.com/*');
    render(<HostAccess />);
    const button = await screen.findByRole('button', { name: 'Allow access to Slack and Google Docs' });
    expect(screen.getByRole('status').textContent).toMatch(/can’t see Slack and Google Docs/);
    fireEvent.click(button);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://app.slack.com/*', 'https://docs.google.com/*'] });
    await waitFor(() => expect(screen.queryByRole('button', { name: /Allow access/ })).toBeNull());
  });

  it('says it in German, with a German list of sites', async () => {
    await useLanguage('de');
    granted.delete('https://app.slack.com/*');
    granted.delete('https://docs.google.com/*');
    render(<HostAccess />);
    await screen.findByRole('button', { name: 'Zugriff auf Slack und Google Docs erlauben' });
    expect(screen.getByRole('heading').textContent).toBe('Zugriff auf Websites erforderlich');
    expect(screen.getByRole('status').textContent).toMatch(/^Async Etiquette kann Slack und Google Docs nicht sehen: .* diese Websites /);
  });

  it('shows nothing when every site is allowed', async () => {
    const { container } = render(<HostAccess />);
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledTimes(3));
    // The answers are applied a tick after the calls: let them land before looking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(container.textContent).toBe('');
  });
});
