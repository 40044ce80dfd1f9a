// @vitest-environment happy-dom
/**
 * Keyboard commands (issue 8, item 6). fake-browser has no `commands` namespace, so the handler the
 * worker registers (`runCommand`) is tested directly, over the real service on fake IndexedDB.
 */
import Dexie from 'dexie';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { TemplatePicker } from '@/components/TemplatePicker';
import { OPEN_TEMPLATE_PICKER, TOGGLE_PAUSE, runCommand, type CommandDeps } from '@/utils/background/commands';
import { createService, type Service } from '@/utils/background/service';
import { AppDb } from '@/utils/store/db';
import { isPaused } from '@/utils/store/quiet';
import config from '@/wxt.config';

const NOW = Date.UTC(2026, 2, 4, 10);
const dbs: AppDb[] = [];

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function setup(): Promise<{ service: Service; deps: CommandDeps; sent: number[] }> {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  const service = createService({ db, publish: async () => {}, timeZone: () => 'Europe/Berlin', now: () => NOW });
  await service.ready;
  const sent: number[] = [];
  const deps: CommandDeps = {
    isPaused: async () => isPaused((await service.core()).preferences.pause, NOW),
    setPause: (data) => service.setPause(data),
    activeTabId: async (tab) => tab?.id ?? 7,
    openTemplatePicker: async (tabId) => {
      sent.push(tabId);
      return true;
    },
  };
  return { service, deps, sent };
}

describe('runCommand', () => {
  it('toggle-pause pauses until resumed, and resumes on the next press', async () => {
    const { service, deps } = await setup();
    await runCommand(TOGGLE_PAUSE, deps);
    expect((await service.core()).preferences.pause).toEqual({ since: NOW, until: null });
    await runCommand(TOGGLE_PAUSE, deps);
    expect((await service.core()).preferences.pause).toBeUndefined();
  });

  it('toggle-pause on a timed pause resumes', async () => {
    const { service, deps } = await setup();
    await service.setPause({ kind: 'hour' });
    await runCommand(TOGGLE_PAUSE, deps);
    expect((await service.core()).preferences.pause).toBeUndefined();
  });

  it('open-template-picker asks the command’s tab, or the active tab', async () => {
    const { deps, sent } = await setup();
    await runCommand(OPEN_TEMPLATE_PICKER, deps, { id: 42 });
    await runCommand(OPEN_TEMPLATE_PICKER, deps);
    expect(sent).toEqual([42, 7]);
  });

  it('a tab without our content script, or no tab at all, is not an error', async () => {
    const { deps } = await setup();
    const warn = vi.spyOn(console, 'warn');
    await expect(runCommand(OPEN_TEMPLATE_PICKER, { ...deps, openTemplatePicker: () => Promise.reject(new Error('Could not establish connection')) })).resolves.toBeUndefined();
    await expect(runCommand(OPEN_TEMPLATE_PICKER, { ...deps, activeTabId: async () => undefined })).resolves.toBeUndefined();
    await expect(runCommand('something-else', deps)).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('the manifest declares both commands with their suggested keys', async () => {
    const manifest = config.manifest;
    const resolved = await (typeof manifest === 'function' ? manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }) : manifest);
    expect(resolved?.commands).toMatchObject({
      [TOGGLE_PAUSE]: { suggested_key: { default: 'Alt+Shift+Q' } },
      [OPEN_TEMPLATE_PICKER]: { suggested_key: { default: 'Alt+Shift+K' } },
    });
  });
});

describe('KeyboardShortcuts (options)', () => {
  it('lists each command with its keys, and says where to change them', async () => {
    const load = async () => [
      { name: TOGGLE_PAUSE, description: 'Pause or resume Async Etiquette', shortcut: 'Alt+Shift+Q' },
      { name: OPEN_TEMPLATE_PICKER, description: 'Insert a context template in the focused composer', shortcut: '' },
    ];
    render(<KeyboardShortcuts load={load} firefox={false} />);
    const pause = await screen.findByRole('row', { name: /Pause or resume/ });
    expect(pause.textContent).toContain('Alt+Shift+Q');
    expect(screen.getByRole('row', { name: /context template/ }).textContent).toContain('Not set');
    expect(screen.getByText('chrome://extensions/shortcuts')).toBeTruthy();
  });

  it('in Firefox points to about:addons', async () => {
    render(<KeyboardShortcuts load={async () => []} firefox />);
    expect(await screen.findByText('about:addons')).toBeTruthy();
    expect(screen.getByText(/Manage Extension Shortcuts/)).toBeTruthy();
  });
});

describe('TemplatePicker register()', () => {
  it('hands out an open() that opens the list with the first template active, focused', async () => {
    let open: (() => void) | null = null;
    render(
      <TemplatePicker
        templates={[{ id: 'a', title: 'No rush' }, { id: 'b', title: 'FYI only' }]}
        onChoose={() => {}}
        deadlineZone="UTC"
        defaultDeadline="2026-03-05T17:00"
        register={(fn) => (open = fn)}
      />,
    );
    expect(open).not.toBeNull();
    act(() => open!());
    const list = screen.getByRole('listbox', { name: 'Context templates' });
    expect(document.activeElement).toBe(list);
    expect(screen.getByRole('option', { name: 'No rush' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Insert context template' }));
  });
});
