// @vitest-environment happy-dom
/**
 * Calm's tab title in the page's world (utils/quiet/title-main.ts): the site's own writes are calmed as
 * they are made, while quiet is on, with no second write; the site reads back its own title; quiet's end
 * puts the site's latest back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_ATTRIBUTE, type PageWindow } from '@/utils/quiet/notifications';
import { installTitleGuard, siteForHost, TITLE_GUARD_ATTRIBUTE, TITLE_MARKED_ATTRIBUTE } from '@/utils/quiet/title-main';

const shown = () => document.querySelector('title')?.textContent ?? '';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('installTitleGuard (page world)', () => {
  let uninstall: () => void;
  beforeEach(() => {
    document.head.replaceChildren();
    document.documentElement.removeAttribute(QUIET_ATTRIBUTE);
    document.title = '* general (Channel) - Acme - Slack';
    uninstall = installTitleGuard(window as unknown as PageWindow, 'slack');
  });
  afterEach(() => uninstall());

  it('leaves the title alone while quiet is off, and says it is there', () => {
    expect(document.documentElement.hasAttribute(TITLE_GUARD_ATTRIBUTE)).toBe(true);
    document.title = '! general (Channel) - Acme - Slack';
    expect(shown()).toBe('! general (Channel) - Acme - Slack');
    expect(document.documentElement.hasAttribute(TITLE_MARKED_ATTRIBUTE)).toBe(false);
  });

  it('while quiet is on, calms each of the site’s writes as it is made (one write, not two), and the site reads back its own', async () => {
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'calm');
    await settle();
    expect(shown()).toBe('general (Channel) - Acme - Slack');
    expect(document.documentElement.getAttribute(TITLE_MARKED_ATTRIBUTE)).toBe('1');

    const titleElement = document.querySelector('title')!;
    const changes = vi.fn();
    const observer = new MutationObserver((records) => changes(records.length));
    observer.observe(titleElement, { childList: true, characterData: true, subtree: true });
    document.title = '! general (Channel) - Acme - Slack';
    document.title = '* general (Channel) - Acme - Slack';
    await settle();
    observer.disconnect();
    expect(shown()).toBe('general (Channel) - Acme - Slack');
    expect(document.title).toBe('* general (Channel) - Acme - Slack');
    // The calm title was already showing: nothing was written at all.
    expect(changes).not.toHaveBeenCalled();

    document.title = 'random (Channel) - Acme - Slack';
    expect(shown()).toBe('random (Channel) - Acme - Slack');
    expect(document.documentElement.getAttribute(TITLE_MARKED_ATTRIBUTE)).toBe('0');
  });

  it('calms a title the site changes another way (its <title> text), and gives the site’s latest back when quiet ends', async () => {
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'shield');
    await settle();
    document.querySelector('title')!.textContent = '(3) general (Channel) - Acme - Slack';
    await vi.waitFor(() => expect(shown()).toBe('general (Channel) - Acme - Slack'));
    expect(document.title).toBe('(3) general (Channel) - Acme - Slack');

    document.documentElement.removeAttribute(QUIET_ATTRIBUTE);
    await settle();
    expect(shown()).toBe('(3) general (Channel) - Acme - Slack');
    expect(document.documentElement.hasAttribute(TITLE_MARKED_ATTRIBUTE)).toBe(false);
    document.title = '* general (Channel) - Acme - Slack';
    expect(shown()).toBe('* general (Channel) - Acme - Slack');
  });

  it('taken away, it leaves the site’s latest title and the page’s own accessor', async () => {
    document.documentElement.setAttribute(QUIET_ATTRIBUTE, 'calm');
    await settle();
    document.title = '! general (Channel) - Acme - Slack';
    uninstall();
    expect(shown()).toBe('! general (Channel) - Acme - Slack');
    expect(Object.getOwnPropertyDescriptor(document, 'title')).toBeUndefined();
    expect(document.documentElement.hasAttribute(TITLE_GUARD_ATTRIBUTE)).toBe(false);
    uninstall = () => {};
  });
});

describe('siteForHost', () => {
  it('knows the three sites and nothing else', () => {
    expect(['mail.google.com', 'app.slack.com', 'docs.google.com', 'example.com'].map(siteForHost)).toEqual(['gmail', 'slack', 'docs', null]);
  });
});
