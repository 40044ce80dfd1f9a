// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreBuiltIns, TemplateEditor, templateId } from '@/components/TemplateEditor';
import { builtInTemplates } from '@/utils/etiquette';
import { officeWeek } from '@/utils/store/defaults';
import type { Template } from '@/utils/store/schema';
import { useLanguage } from './setup/i18n';

afterEach(cleanup);

const ME = { timeZone: 'Europe/Berlin', weekly: officeWeek() };
/** Wednesday 4 March 2026, 22:00 in Berlin. */
const NOW = new Date(Date.UTC(2026, 2, 4, 21, 0));
const MINE: Template = { id: 'standup', title: 'Stand-up note', body: 'Morning {recipient_names}!' };

function setup(templates: Template[] = [...builtInTemplates('email').slice(0, 2), MINE], lockedFields: string[] = []) {
  const onSave = vi.fn<(t: Template[]) => Promise<string | null>>(async () => null);
  render(<TemplateEditor templates={templates} onSave={onSave} me={ME} now={NOW} lockedFields={lockedFields} />);
  return { onSave, templates };
}

/** Presses keys in the shortcut field, as a browser reports them. */
function pressIn(field: HTMLElement, code: string, mods: { alt?: boolean; shift?: boolean; ctrl?: boolean; meta?: boolean } = {}, key = code) {
  fireEvent.keyDown(field, { code, key, altKey: !!mods.alt, shiftKey: !!mods.shift, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta });
}

describe('template ids and built-ins', () => {
  it('makes a short unique id from a title', () => {
    expect(templateId('Decision by Friday!', new Set())).toBe('decision-by-friday');
    expect(templateId('Décision', new Set(['decision']))).toBe('decision-2');
    expect(templateId('!!!', new Set())).toBe('template');
  });

  it('restores edited and deleted built-ins, keeping the user\u2019s own', () => {
    const all = builtInTemplates('email');
    const edited = [{ ...all[0]!, body: 'changed' }, MINE];
    const restored = restoreBuiltIns(edited);
    expect(restored[0]).toEqual(all[0]);
    expect(restored[1]).toEqual(MINE);
    expect(restored.map((t) => t.id).sort()).toEqual([...all.map((t) => t.id), 'standup'].sort());
  });
});

describe('<TemplateEditor>', () => {
  it('lists templates in menu order, marking built-ins and your own', () => {
    setup();
    const items = within(screen.getByRole('list', { name: 'Templates, in menu order' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('(built-in)');
    expect(items[2]!.textContent).toContain('Stand-up note (yours)');
  });

  it('refuses unknown variables, naming them, and an empty title; saves nothing', () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const form = screen.getByRole('form', { name: 'New template' });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'Due {dedline}, ask {boss}' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    const alerts = within(screen.getByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(alerts).toEqual([
      'Title must not be empty.',
      'Unknown variable {dedline}: did you mean {deadline}?',
      expect.stringMatching(/^Unknown variable \{boss\}\. Variables: \{recipient_names\}/),
    ]);
    expect(within(form).getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('previews with sample recipients in their zones, and saves a new one at the end', async () => {
    const { onSave, templates } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New template' }));
    const form = screen.getByRole('form', { name: 'New template' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Night note' } });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'Hi {recipient_names}, it is {their_time}.' } });
    const preview = within(form).getByRole('region', { name: 'Preview' });
    expect(preview.textContent).toContain('Hi Priya and Ana, it is');
    expect(preview.textContent).toContain('Asia/Kolkata');
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith([...templates, { id: 'night-note', title: 'Night note', body: 'Hi {recipient_names}, it is {their_time}.' }]));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('Saved “Night note”.');
  });

  it('inserts a variable at the caret', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Stand-up note' }));
    const form = screen.getByRole('form', { name: 'Edit template Stand-up note' });
    const text = within(form).getByLabelText('Text') as HTMLTextAreaElement;
    text.setSelectionRange(8, 8);
    fireEvent.click(within(form).getByRole('button', { name: '{my_zone}' }));
    expect(text.value).toBe('Morning {my_zone}{recipient_names}!');
  });

  it('edits in place, reorders and deletes', async () => {
    const { onSave, templates } = setup();
    fireEvent.click(screen.getByRole('button', { name: `Move ${MINE.title} up` }));
    expect(onSave).toHaveBeenLastCalledWith([templates[0], MINE, templates[1]]);
    expect((screen.getByRole('button', { name: `Move ${templates[0]!.title} up` }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: `Delete ${MINE.title}` }));
    expect(onSave).toHaveBeenLastCalledWith(templates.slice(0, 2));
    fireEvent.click(screen.getByRole('button', { name: 'Edit Stand-up note' }));
    const form = screen.getByRole('form', { name: 'Edit template Stand-up note' });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'Hello' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith([templates[0], templates[1], { ...MINE, body: 'Hello' }]));
  });

  it('shows the worker\u2019s refusal', async () => {
    const onSave = vi.fn(async () => 'templates: too many');
    render(<TemplateEditor templates={[MINE]} onSave={onSave} me={ME} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: `Delete ${MINE.title}` }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Not saved: templates: too many'));
  });
});

describe('<TemplateEditor> shortcuts', () => {
  function editMine(templates?: Template[]) {
    const result = setup(templates);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Stand-up note' }));
    const form = screen.getByRole('form', { name: 'Edit template Stand-up note' });
    return { ...result, form, field: within(form).getByLabelText('Keyboard shortcut') as HTMLInputElement };
  }

  it('records a combination pressed in the field, shows it, and saves it in canonical form', async () => {
    const { onSave, templates, form, field } = editMine();
    expect(field.readOnly).toBe(true);
    expect(field.getAttribute('aria-describedby')).toMatch(/-help$/);
    pressIn(field, 'AltLeft', { alt: true }, 'Alt');
    expect(field.value).toBe('');
    pressIn(field, 'Digit1', { alt: true, shift: true }, '!');
    expect(field.value).toBe('Alt+Shift+1');
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith([templates[0], templates[1], { ...MINE, shortcut: 'Alt+Shift+Digit1' }]));
  });

  it('Backspace or Delete removes it; Escape goes back to the value before, then closes the form', async () => {
    const withShortcut = { ...MINE, shortcut: 'Alt+KeyM' };
    const { onSave, form, field } = editMine([withShortcut]);
    expect(field.value).toBe('Alt+M');
    fireEvent.focus(field);
    pressIn(field, 'Backspace', {}, 'Backspace');
    expect(field.value).toBe('');
    pressIn(field, 'Escape', {}, 'Escape');
    expect(field.value).toBe('Alt+M');
    pressIn(field, 'Delete', {}, 'Delete');
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith([MINE]));
    expect(onSave.mock.lastCall![0][0]).not.toHaveProperty('shortcut');
  });

  it('Escape with nothing to undo closes the form; the Remove button clears too', () => {
    const { field, form } = editMine([{ ...MINE, shortcut: 'Alt+KeyM' }]);
    fireEvent.click(within(form).getByRole('button', { name: 'Remove shortcut' }));
    expect(field.value).toBe('');
    expect((within(form).getByRole('button', { name: 'Remove shortcut' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.focus(field);
    pressIn(field, 'Escape', {}, 'Escape');
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('validates inline: no modifier, the extension’s own command, editing keys; nothing is saved', () => {
    const { onSave, form, field } = editMine();
    const error = () => within(form).getByRole('alert').textContent;
    pressIn(field, 'Digit1', { shift: true }, '!');
    expect(error()).toMatch(/^A shortcut needs Ctrl, Alt or Meta/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toMatch(/-error .*-help$/);
    pressIn(field, 'KeyQ', { alt: true, shift: true });
    expect(error()).toBe('Alt+Shift+Q is one of Async Etiquette’s own shortcuts: choose another combination.');
    pressIn(field, 'KeyV', { ctrl: true });
    expect(error()).toMatch(/^Ctrl\+V belongs to the browser/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a shortcut another template already has, naming it', () => {
    const fyi = { ...builtInTemplates('email')[1]!, shortcut: 'Alt+Shift+Digit2' };
    const { onSave, form, field } = editMine([fyi, MINE]);
    pressIn(field, 'Digit2', { alt: true, shift: true });
    expect(within(form).getByRole('alert').textContent).toBe(
      'Alt+Shift+2 is already the shortcut of “FYI, no reply needed”: choose another, or remove it there first.',
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('Tab still leaves the field and Enter still saves', async () => {
    const { onSave, field } = editMine();
    pressIn(field, 'Digit3', { alt: true });
    const tab = fireEvent.keyDown(field, { key: 'Tab', code: 'Tab' });
    expect(tab).toBe(true);
    fireEvent.submit(field.form!);
    await waitFor(() => expect(onSave).toHaveBeenCalled());
  });

  it('the list shows each template’s shortcut', () => {
    setup([{ ...MINE, shortcut: 'Ctrl+Shift+KeyM' }]);
    expect(screen.getByRole('listitem').textContent).toContain('shortcut Ctrl+Shift+M');
  });
});

describe('<TemplateEditor> organisation templates', () => {
  const TEAM: Template = { id: 'team-hours', title: 'Team hours', body: 'Our team replies 09:00-17:00 CET.', shortcut: 'Alt+KeyH' };

  it('are greyed with "set by your organisation" and cannot be moved, edited or deleted', () => {
    setup([TEAM, MINE], ['templates.team-hours', 'sites.gmail']);
    const [team, mine] = within(screen.getByRole('list', { name: 'Templates, in menu order' })).getAllByRole('listitem');
    expect(team!.textContent).toContain('Team hours (set by your organisation)');
    for (const name of ['Edit Team hours', 'Delete Team hours', 'Move Team hours down']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled, name).toBe(true);
      expect(screen.getByText('(set by your organisation)').id).toBe(button.getAttribute('aria-describedby'));
    }
    // Nothing moves above them: the merge always puts them first.
    expect((screen.getByRole('button', { name: 'Move Stand-up note up' }) as HTMLButtonElement).disabled).toBe(true);
    expect(mine!.textContent).toContain('(yours)');
  });

  it('are sent back unchanged with every save, and a taken shortcut names them', async () => {
    const { onSave } = setup([TEAM, MINE], ['templates.team-hours']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Stand-up note' }));
    const form = screen.getByRole('form', { name: 'Edit template Stand-up note' });
    const field = within(form).getByLabelText('Keyboard shortcut');
    pressIn(field, 'KeyH', { alt: true });
    expect(within(form).getByRole('alert').textContent).toContain('already the shortcut of “Team hours”');
    pressIn(field, 'KeyJ', { alt: true });
    fireEvent.click(within(form).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith([TEAM, { ...MINE, shortcut: 'Alt+KeyJ' }]));
  });

  it('restoring the built-ins leaves a locked one and keeps shortcuts', () => {
    const lockedNoRush = { id: 'no-rush', title: 'Org no rush', body: 'Org text.' };
    const fyi = { ...builtInTemplates('email')[1]!, body: 'changed', shortcut: 'Alt+KeyF' };
    const restored = restoreBuiltIns([lockedNoRush, fyi], new Set(['no-rush']));
    expect(restored[0]).toEqual(lockedNoRush);
    expect(restored[1]).toEqual({ ...builtInTemplates('email')[1], shortcut: 'Alt+KeyF' });
  });
});

describe('<TemplateEditor> in German', () => {
  it('labels, kinds, built-in titles, variable help and the preview are German', async () => {
    await useLanguage('de');
    setup();
    const items = within(screen.getByRole('list', { name: 'Vorlagen, in der Reihenfolge des Menüs' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Keine Eile: Antwort in Ihrer Arbeitszeit (integriert)');
    expect(items[2]!.textContent).toContain('Stand-up note (eigene)');
    fireEvent.click(screen.getByRole('button', { name: 'Neue Vorlage' }));
    const form = screen.getByRole('form', { name: 'Neue Vorlage' });
    fireEvent.change(within(form).getByLabelText('Text'), { target: { value: 'Bis {deadline}, {recipient_names}.' } });
    const preview = within(form).getByRole('region', { name: 'Vorschau' });
    expect(preview.textContent).toContain('Uhr in Europe/Berlin');
    expect(preview.textContent).toContain('Priya und Ana.');
    expect(within(form).getByRole('button', { name: '{deadline}' }).title).toMatch(/Frist/);
    fireEvent.click(within(form).getByRole('button', { name: 'Vorlage speichern' }));
    expect(within(form).getByRole('alert').textContent).toBe('Der Titel darf nicht leer sein.');
    const field = within(form).getByLabelText('Tastenkürzel');
    pressIn(field, 'KeyM', { ctrl: true, shift: true });
    expect((field as HTMLInputElement).value).toBe('Strg+Umschalt+M');
  });

  it('a built-in shown in German keeps its stored wording when only the shortcut changes', async () => {
    await useLanguage('de');
    const { onSave, templates } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Keine Eile: Antwort in Ihrer Arbeitszeit bearbeiten' }));
    const form = screen.getByRole('form');
    expect((within(form).getByLabelText('Text') as HTMLTextAreaElement).value).toMatch(/^Keine Eile: Bitte kümmern Sie sich/);
    pressIn(within(form).getByLabelText('Tastenkürzel'), 'Digit1', { alt: true, shift: true });
    fireEvent.click(within(form).getByRole('button', { name: 'Vorlage speichern' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith([{ ...templates[0], shortcut: 'Alt+Shift+Digit1' }, templates[1], MINE]));
    // The status is set once onSave's promise settles, a tick after the call itself.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('„Keine Eile: Antwort in Ihrer Arbeitszeit“ gespeichert.'));
  });
});
