// @vitest-environment happy-dom
/** The options page's data sections in German: import/export, reset, clarity rules, sync and shortcuts. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClarityRules } from '@/components/ClarityRules';
import { ImportExport } from '@/components/ImportExport';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { ResetSettings } from '@/components/ResetSettings';
import { SyncSettings } from '@/components/SyncSettings';
import type { SyncStatusView } from '@/utils/background/sync';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);
beforeEach(async () => {
  await useLanguage('de');
});

const MB = 1024 * 1024;

function chooseFile(label: string, file: File) {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('ImportExport', () => {
  const noExport = async () => ({ fileName: 'x.json', json: '{}' });

  it('names its controls and refuses an oversized file in German, sizes in German number format', async () => {
    const onImport = vi.fn(async () => null);
    render(<ImportExport onImport={onImport} onExport={noExport} maxBytes={2 * MB} />);
    expect(screen.getByRole('button', { name: 'Einstellungen exportieren' })).toBeTruthy();
    const big = new File(['x'], 'gross.json');
    Object.defineProperty(big, 'size', { value: 2.5 * MB });
    chooseFile('Einstellungen importieren', big);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Die Datei ist zu groß (2,5 MB; höchstens 2 MB). Es wurde nichts geändert.'),
    );
    expect(onImport).not.toHaveBeenCalled();
  });

  it('reports a refusal and a success in German', async () => {
    const onImport = vi.fn<(text: string) => Promise<string | null>>().mockResolvedValueOnce('me.timeZone fehlt.').mockResolvedValueOnce(null);
    render(<ImportExport onImport={onImport} onExport={noExport} maxBytes={2 * MB} />);
    chooseFile('Einstellungen importieren', new File(['{}'], 'a.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('me.timeZone fehlt. Es wurde nichts geändert.'));
    chooseFile('Einstellungen importieren', new File(['{}'], 'b.json'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('b.json importiert.'));
  });
});

describe('ResetSettings', () => {
  it('asks and reports in German', async () => {
    render(<ResetSettings onReset={async () => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Alles zurücksetzen…' }));
    expect(screen.getByRole('group', { name: 'Zurücksetzen bestätigen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Auch den Verlauf löschen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, alles zurücksetzen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Alles wurde zurückgesetzt, einschließlich des Verlaufs.'));
  });
});

describe('ClarityRules', () => {
  it('names the rules in German', () => {
    render(<ClarityRules disabled={[]} onChange={() => {}} />);
    expect(screen.getByRole('checkbox', { name: 'Schreien in Großbuchstaben' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Klarheitsprüfung' })).toBeTruthy();
  });
});

describe('SyncSettings', () => {
  const status: SyncStatusView = {
    enabled: true,
    lastSyncedAt: Date.UTC(2026, 2, 4, 9, 2),
    error: null,
    notSyncedTemplates: [{ id: 'a', title: 'Lang' }],
    notSyncedFields: [],
    bytes: 0,
    count: 0,
  };

  it('shows the switch, the last sync and the templates left out, in German', async () => {
    render(<SyncSettings load={async () => status} setEnabled={async () => null} watch={() => () => {}} />);
    expect(await screen.findByRole('checkbox', { name: 'Meine Einstellungen zwischen meinen Browsern synchronisieren' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Zuletzt synchronisiert: Mi\., 4\. März, \d\d:02\.$/));
    expect(screen.getByRole('alert').textContent).toBe(
      'Vorlage zu groß für die Synchronisierung; 1 nicht synchronisiert: Lang. Sie bleibt in diesem Browser.',
    );
  });
});

describe('KeyboardShortcuts', () => {
  it('in German, with the browser page as code inside the sentence', async () => {
    const { container } = render(<KeyboardShortcuts load={async () => [{ name: 'x', description: 'Pausieren', shortcut: '' }]} firefox />);
    expect((await screen.findByRole('row', { name: /Pausieren/ })).textContent).toContain('Nicht festgelegt');
    const hint = container.querySelector('.hint')!;
    expect(hint.textContent).toBe(
      'Um sie zu ändern, öffnen Sie about:addons, klicken Sie auf das Zahnrad-Symbol und wählen Sie „Tastenkombinationen für Erweiterungen verwalten“.',
    );
    expect(hint.querySelector('code')?.textContent).toBe('about:addons');
  });

  it('names the toolbar button\u2019s own command instead of showing its internal name', async () => {
    render(<KeyboardShortcuts load={async () => [{ name: '_execute_action', description: '', shortcut: 'Alt+Shift+A' }]} firefox={false} />);
    const row = await screen.findByRole('row', { name: /Alt\+Shift\+A/ });
    expect(row.textContent).toContain('Das Fenster von Async Etiquette in der Symbolleiste öffnen');
    expect(row.textContent).not.toContain('_execute_action');
  });
});
