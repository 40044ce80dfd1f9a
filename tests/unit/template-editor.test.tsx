// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreBuiltIns, TemplateEditor, templateId } from '@/components/TemplateEditor';
import { builtInTemplates } from '@/utils/etiquette';
import { officeWeek } from '@/utils/store/defaults';
import type { Template } from '@/utils/store/schema';

afterEach(cleanup);

const ME = { timeZone: 'Europe/Berlin', weekly: officeWeek() };
/** Wednesday 4 March 2026, 22:00 in Berlin. */
const NOW = new Date(Date.UTC(2026, 2, 4, 21, 0));
const MINE: Template = { id: 'standup', title: 'Stand-up note', body: 'Morning {recipient_names}!' };

function setup(templates: Template[] = [...builtInTemplates('email').slice(0, 2), MINE]) {
  const onSave = vi.fn<(t: Template[]) => Promise<string | null>>(async () => null);
  render(<TemplateEditor templates={templates} onSave={onSave} me={ME} now={NOW} />);
  return { onSave, templates };
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
