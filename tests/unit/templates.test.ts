/**
 * Context templates: built-ins and flavours, every variable, missing values, syntax and validation.
 * Expected wall clocks are written out by hand. 2026-01-13 is a Tuesday; January keeps the Northern
 * zones on standard time (Berlin UTC+1, London UTC+0, New York UTC-5, Kolkata UTC+5:30, Tokyo UTC+9).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Hours, Weekly } from '@/utils/hours';
import {
  BUILT_IN_TEMPLATES,
  BUILT_IN_TEMPLATE_IDS,
  TEMPLATE_BODY_MAX,
  TEMPLATE_TITLE_MAX,
  TEMPLATE_VARIABLES,
  TEMPLATE_VARIABLE_INFO,
  builtInTemplate,
  builtInTemplates,
  displayShortcut,
  displayTitle,
  findShortcutClash,
  flavourForSite,
  isBuiltInTemplateId,
  isUneditedBuiltIn,
  listNames,
  localizedBuiltIn,
  renderTemplate,
  shortcutOfPress,
  shortcutProblem,
  shortcutProblemMessage,
  templateForFlavour,
  templateForPress,
  templateNeedsDeadline,
  templateVariables,
  validateTemplate,
  type TemplateContext,
  type TemplateRecipient,
} from '@/utils/etiquette';
import { LIMITS, templateSchema, type Template } from '@/utils/store/schema';
import { defaultSettings, DEFAULT_TEMPLATES } from '@/utils/store/defaults';
import { parseSettingsText, toSettingsFile } from '@/utils/store/settings-file';
import { templateText } from '@/utils/guard/template-text';
import { useLanguage } from './setup/i18n';

type Range = [string, string];
function weekdays(start: string, end: string): Weekly {
  const r: Range[] = [[start, end]];
  return { mon: r, tue: r, wed: r, thu: r, fri: r, sat: [], sun: [] };
}
const nineToFive = weekdays('09:00', '17:00');
const hoursIn = (timeZone: string, extra: Partial<Hours> = {}): Hours => ({ timeZone, weekly: nineToFive, ...extra });

const berlin = hoursIn('Europe/Berlin');
const priya: TemplateRecipient = { name: 'Priya Raman', hours: hoursIn('Asia/Kolkata') };
const ravi: TemplateRecipient = { name: 'Ravi Das', hours: hoursIn('Asia/Kolkata') };
const ana: TemplateRecipient = { name: 'Ana Silva', hours: hoursIn('Europe/London') };
const kenji: TemplateRecipient = { name: 'Kenji Sato', hours: hoursIn('Asia/Tokyo') };
const sam: TemplateRecipient = { name: 'Sam Carter', hours: hoursIn('America/New_York') };
const lee: TemplateRecipient = { name: 'Lee Park', hours: hoursIn('America/Los_Angeles') };
const alex: TemplateRecipient = { name: 'Alex Unknown' };

/** Tue 13 Jan 2026, 23:30 in Berlin: after hours for the sender. */
const TUESDAY_NIGHT = new Date('2026-01-13T22:30:00Z');
/** Thu 15 Jan 2026, 17:00 in Berlin. */
const THURSDAY_FIVE = new Date('2026-01-15T16:00:00Z');

function ctx(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return { now: TUESDAY_NIGHT, me: berlin, recipients: [], ...overrides };
}
const render = (body: string, overrides: Partial<TemplateContext> = {}) => renderTemplate(body, ctx(overrides));
const text = (body: string, overrides: Partial<TemplateContext> = {}): string => render(body, overrides).text;

describe('built-in templates', () => {
  it('has the seven stable ids, in menu order', () => {
    expect([...BUILT_IN_TEMPLATE_IDS]).toEqual([
      'no-rush',
      'fyi',
      'decision-needed',
      'context-ask-deadline',
      'bluf',
      'handoff',
      'odd-hours-footer',
    ]);
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual([...BUILT_IN_TEMPLATE_IDS]);
    for (const flavour of ['email', 'chat'] as const) {
      expect(builtInTemplates(flavour).map((t) => t.id)).toEqual([...BUILT_IN_TEMPLATE_IDS]);
    }
  });

  it.each(['email', 'chat'] as const)('%s flavour: every template is a valid stored template and passes validation', (flavour) => {
    for (const t of builtInTemplates(flavour)) {
      expect(templateSchema.safeParse(t).success, t.id).toBe(true);
      expect(t.id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
      expect(validateTemplate(t), t.id).toEqual([]);
      expect(Object.keys(t).sort()).toEqual(['body', 'id', 'title']);
    }
  });

  it('chat bodies are one or two short lines; email bodies differ where the flavours differ', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t.chat.split('\n').length, t.id).toBeLessThanOrEqual(2);
      expect(t.chat.length, t.id).toBeLessThanOrEqual(140);
      expect(t.email.length, t.id).toBeGreaterThanOrEqual(t.chat.length);
    }
    expect(builtInTemplate('context-ask-deadline', 'email')?.body).toBe(
      "Context: [what's going on and why it matters]\nAsk: [exactly what you need]\nDeadline: {deadline}",
    );
    expect(builtInTemplate('context-ask-deadline', 'chat')?.body).toBe(
      'Context: [one line]. Ask: [what you need]. Deadline: {deadline}.',
    );
    expect(builtInTemplate('bluf', 'chat')?.body).toBe('TL;DR: [the one thing to know or do]');
    expect(builtInTemplate('odd-hours-footer', 'chat')?.body).toBe('I send at odd hours; please reply in yours.');
  });

  it('the deadline and handoff templates use their variables', () => {
    for (const flavour of ['email', 'chat'] as const) {
      expect(templateNeedsDeadline(builtInTemplate('decision-needed', flavour)?.body ?? '')).toBe(true);
      expect(templateNeedsDeadline(builtInTemplate('context-ask-deadline', flavour)?.body ?? '')).toBe(true);
      expect(templateVariables(builtInTemplate('handoff', flavour)?.body ?? '')).toContain('my_next_start');
      expect(templateNeedsDeadline(builtInTemplate('fyi', flavour)?.body ?? '')).toBe(false);
    }
  });

  it('returns fresh objects: editing one list does not change the next', () => {
    const first = builtInTemplates('email');
    first[0]!.body = 'changed';
    expect(builtInTemplates('email')[0]!.body).not.toBe('changed');
    expect(Object.isFrozen(BUILT_IN_TEMPLATES)).toBe(true);
  });

  it('builtInTemplate resets one template; unknown ids give undefined', () => {
    expect(builtInTemplate('fyi', 'chat')).toEqual({ id: 'fyi', title: 'FYI, no reply needed', body: 'FYI, no reply needed.' });
    expect(builtInTemplate('nope', 'chat')).toBeUndefined();
    expect(isBuiltInTemplateId('handoff')).toBe(true);
    expect(isBuiltInTemplateId('my-own')).toBe(false);
  });

  it('maps sites to flavours: Gmail and Docs are email, Slack is chat', () => {
    expect(flavourForSite('gmail')).toBe('email');
    expect(flavourForSite('docs')).toBe('email');
    expect(flavourForSite('slack')).toBe('chat');
  });

  it('limits match the stored schema', () => {
    expect(TEMPLATE_BODY_MAX).toBe(LIMITS.templateBody);
    expect(validateTemplate({ title: 'x'.repeat(TEMPLATE_TITLE_MAX), body: 'ok' })).toEqual([]);
    expect(templateSchema.safeParse({ id: 'a', title: 'x'.repeat(TEMPLATE_TITLE_MAX + 1), body: 'b' }).success).toBe(false);
  });
});

describe('templateForFlavour', () => {
  const emailNoRush = builtInTemplate('no-rush', 'email')!;

  it('shows an unedited built-in in the site flavour', () => {
    expect(templateForFlavour(emailNoRush, 'chat').body).toBe('No rush: reply in your working hours.');
    expect(templateForFlavour(builtInTemplate('no-rush', 'chat')!, 'email').body).toBe(emailNoRush.body);
    expect(isUneditedBuiltIn(emailNoRush)).toBe(true);
  });

  it('keeps an edited built-in exactly as the user wrote it', () => {
    const edited = { ...emailNoRush, body: 'No rush at all, {recipient_names}.' };
    expect(isUneditedBuiltIn(edited)).toBe(false);
    expect(templateForFlavour(edited, 'chat')).toEqual(edited);
  });

  it('keeps a user title on an unedited body, and leaves user templates alone', () => {
    expect(templateForFlavour({ ...emailNoRush, title: 'Later is fine' }, 'chat')).toEqual({
      id: 'no-rush',
      title: 'Later is fine',
      body: 'No rush: reply in your working hours.',
    });
    const mine = { id: 'my-standup', title: 'Standup', body: 'Yesterday / Today / Blockers' };
    expect(templateForFlavour(mine, 'chat')).toEqual(mine);
  });

  it('recognises the earlier defaults stored by version 1, so they follow the flavour too', () => {
    for (const old of DEFAULT_TEMPLATES) {
      if (!isBuiltInTemplateId(old.id)) continue;
      expect(isUneditedBuiltIn(old), old.id).toBe(true);
      expect(templateForFlavour(old, 'chat').body).toBe(builtInTemplate(old.id, 'chat')?.body);
    }
  });

  it('returns a new object', () => {
    const mine = { id: 'x', title: 'X', body: 'y' };
    expect(templateForFlavour(mine, 'email')).not.toBe(mine);
  });
});

describe('{recipient_names}', () => {
  const names = (...recipients: TemplateRecipient[]): string => text('{recipient_names}', { recipients });

  it('lists first names: one, two, three, four; more become "and N others"', () => {
    expect(names(priya)).toBe('Priya');
    expect(names(priya, ana)).toBe('Priya and Ana');
    expect(names(priya, ana, { name: 'Bob Marley' })).toBe('Priya, Ana and Bob');
    expect(names(priya, ana, { name: 'Bob' }, { name: 'Chen Li' })).toBe('Priya, Ana, Bob and Chen');
    expect(names(priya, ana, { name: 'Bob' }, { name: 'Chen' }, { name: 'Dee' })).toBe('Priya, Ana, Bob and 2 others');
    expect(listNames(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 others');
  });

  it('reads "Last, First", keeps non-English names and addresses whole', () => {
    expect(names({ name: 'Raman, Priya' })).toBe('Priya');
    expect(names({ name: 'Søren Kierkegaard' }, { name: 'José María López' })).toBe('Søren and José');
    expect(names({ name: 'alex@example.com' })).toBe('alex@example.com');
  });

  it('shows "[name]" with no usable name, and lists it as missing', () => {
    expect(render('Hi {recipient_names},')).toEqual({ text: 'Hi [name],', missing: ['recipient_names'] });
    expect(render('Hi {recipient_names},', { recipients: [{ name: '  ' }] }).text).toBe('Hi [name],');
    expect(names({ name: '' }, ana)).toBe('Ana');
  });

  it('does not need a zone', () => {
    expect(names(alex)).toBe('Alex');
  });
});

describe('{their_time}', () => {
  const theirs = (...recipients: TemplateRecipient[]): string => text('{their_time}', { recipients });

  it('one recipient: their clock and zone, with the weekday when their date differs from yours', () => {
    expect(theirs(priya)).toBe('Wed 04:00 in Asia/Kolkata');
    expect(theirs(ana)).toBe('22:30 in Europe/London');
    expect(theirs(sam)).toBe('17:30 in America/New York');
  });

  it('one zone, several people: still one entry without names', () => {
    expect(theirs(priya, ravi)).toBe('Wed 04:00 in Asia/Kolkata');
  });

  it('several zones: one entry per zone, naming who is there', () => {
    expect(theirs(priya, ana, ravi)).toBe('Wed 04:00 for Priya and Ravi in Asia/Kolkata; 22:30 for Ana in Europe/London');
  });

  it('leaves out recipients without a (valid) zone', () => {
    expect(theirs(alex, ana, { name: 'Mars Person', hours: hoursIn('Mars/Olympus') })).toBe('22:30 in Europe/London');
  });

  it('more than four zones are summarised', () => {
    expect(theirs(priya, ana, kenji, sam, lee)).toBe(
      'Wed 04:00 for Priya in Asia/Kolkata; 22:30 for Ana in Europe/London; Wed 07:30 for Kenji in Asia/Tokyo; ' +
        '17:30 for Sam in America/New York; and 1 more time zone',
    );
  });

  it('"[their time]" when no zone is known', () => {
    expect(render('It is {their_time} for you', { recipients: [alex] })).toEqual({
      text: 'It is [their time] for you',
      missing: ['their_time'],
    });
    expect(render('{their_time}').missing).toEqual(['their_time']);
  });
});

describe('{their_next_start}', () => {
  const next = (recipients: TemplateRecipient[], now = TUESDAY_NIGHT): string =>
    text('{their_next_start}', { recipients, now });

  it('after hours: the next morning in their zone', () => {
    expect(next([priya])).toBe('Wed 09:00 in Asia/Kolkata');
    expect(next([priya, ana])).toBe('Wed 09:00 for Priya in Asia/Kolkata; Wed 09:00 for Ana in Europe/London');
  });

  it('working now: the start of their next working period, not "now"', () => {
    // 14:30 in Los Angeles: in hours until 17:00.
    expect(next([lee])).toBe('Wed 09:00 in America/Los Angeles');
  });

  it('over a weekend: Monday', () => {
    // Fri 16 Jan, 19:00 in London.
    expect(next([ana], new Date('2026-01-16T19:00:00Z'))).toBe('Mon 09:00 in Europe/London');
  });

  it('more than six days away: with the date', () => {
    const away = { name: 'Ana', hours: hoursIn('Europe/London', { daysOff: ['2026-01-14', '2026-01-15', '2026-01-16', '2026-01-19', '2026-01-20'] }) };
    expect(next([away])).toBe('Wed 21 Jan, 09:00 in Europe/London');
  });

  it('placeholder when unknown: no zone, no working hours at all, or a broken schedule (never throws)', () => {
    const never: TemplateRecipient = { name: 'Nia', hours: { timeZone: 'Europe/Paris', weekly: weekdays('09:00', '17:00'), daysOff: [] } };
    never.hours!.weekly = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const broken: TemplateRecipient = { name: 'Bo', hours: { timeZone: 'Europe/Paris', weekly: weekdays('xx', 'yy') } };
    for (const recipients of [[alex], [never], [broken]]) {
      expect(render('{their_next_start}', { recipients })).toEqual({
        text: '[their next working start]',
        missing: ['their_next_start'],
      });
    }
  });
});

describe('{my_time}, {my_next_start}, {my_zone}', () => {
  it('are in the sender zone, written readably', () => {
    expect(text('{my_time} / {my_next_start} / {my_zone}')).toBe('23:30 in Europe/Berlin / Wed 09:00 in Europe/Berlin / Europe/Berlin');
    expect(text('{my_zone}', { me: hoursIn('America/New_York') })).toBe('America/New York');
  });

  it('my_next_start while working: the next period (the handoff template is sent at the end of the day)', () => {
    // Tue 16:58 in Berlin.
    expect(text('{my_next_start}', { now: new Date('2026-01-13T15:58:00Z') })).toBe('Wed 09:00 in Europe/Berlin');
  });

  it('an unusable sender zone gives placeholders, never "Invalid DateTime"', () => {
    const r = render('{my_time}|{my_next_start}|{my_zone}', { me: hoursIn('Not/AZone') });
    expect(r).toEqual({
      text: '[my time]|[my next working start]|[my time zone]',
      missing: ['my_time', 'my_next_start', 'my_zone'],
    });
  });
});

describe('{deadline}', () => {
  it('in the sender zone, then in each other recipient zone with names', () => {
    expect(text('{deadline}', { deadline: THURSDAY_FIVE, recipients: [kenji] })).toBe(
      'Thu 15 Jan, 17:00 in Europe/Berlin (Fri 16 Jan, 01:00 for Kenji in Asia/Tokyo)',
    );
    expect(text('{deadline}', { deadline: THURSDAY_FIVE, recipients: [priya, ana, ravi] })).toBe(
      'Thu 15 Jan, 17:00 in Europe/Berlin (Thu 15 Jan, 21:30 for Priya and Ravi in Asia/Kolkata; Thu 15 Jan, 16:00 for Ana in Europe/London)',
    );
  });

  it('recipients in the sender zone or without a zone add nothing', () => {
    const colleague = { name: 'Jana', hours: hoursIn('Europe/Berlin') };
    expect(text('{deadline}', { deadline: THURSDAY_FIVE, recipients: [colleague, alex] })).toBe('Thu 15 Jan, 17:00 in Europe/Berlin');
  });

  it('follows daylight saving time in each zone', () => {
    // 2026-03-10: New York is already on EDT (UTC-4), Berlin still on CET (UTC+1).
    expect(text('{deadline}', { deadline: new Date('2026-03-10T16:00:00Z'), recipients: [sam] })).toBe(
      'Tue 10 Mar, 17:00 in Europe/Berlin (Tue 10 Mar, 12:00 for Sam in America/New York)',
    );
  });

  it('"[deadline]" when none was picked or the date is invalid', () => {
    expect(render('Decision needed by {deadline}.')).toEqual({ text: 'Decision needed by [deadline].', missing: ['deadline'] });
    expect(render('{deadline}', { deadline: new Date(Number.NaN) }).text).toBe('[deadline]');
  });

  it('an unusable sender zone shows the deadline in UTC', () => {
    expect(text('{deadline}', { deadline: THURSDAY_FIVE, me: hoursIn('Not/AZone') })).toBe('Thu 15 Jan, 16:00 in UTC');
  });
});

describe('renderTemplate', () => {
  it('renders a whole built-in with everything known', () => {
    const body = builtInTemplate('handoff', 'email')!.body;
    expect(render(body, { recipients: [priya, ana] })).toEqual({
      text:
        "Handoff for Priya and Ana (I'm offline until Wed 09:00 in Europe/Berlin):\n\nDone: [what's finished]\n" +
        "Next: [what you can pick up]\nOpen: [anything undecided]\nWho to ask while I'm out: [who]",
      missing: [],
    });
  });

  it('lists each missing variable once, in order of use', () => {
    const r = render('{deadline} {their_time} {deadline} {recipient_names}', { recipients: [alex] });
    expect(r.missing).toEqual(['deadline', 'their_time']);
    expect(r.text).toBe('[deadline] [their time] [deadline] Alex');
  });

  it('an invalid "now" makes the time variables missing but not the others', () => {
    const r = render('{recipient_names} {their_time} {my_time} {my_zone} {deadline}', {
      now: new Date(Number.NaN),
      recipients: [priya],
      deadline: THURSDAY_FIVE,
    });
    expect(r.text).toBe('Priya [their time] [my time] Europe/Berlin Thu 15 Jan, 17:00 in Europe/Berlin (Thu 15 Jan, 21:30 for Priya in Asia/Kolkata)');
    expect(r.missing).toEqual(['their_time', 'my_time']);
  });

  it('{{ and }} are literal braces; unknown variables and stray braces stay as typed', () => {
    expect(text('{{not a variable}} and {{deadline}}')).toBe('{not a variable} and {deadline}');
    expect(text('Hi {their_tme}, { oops } and a } here')).toBe('Hi {their_tme}, { oops } and a } here');
    expect(text('open { brace')).toBe('open { brace');
    expect(render('Hi {their_tme}').missing).toEqual([]);
  });

  it('is plain text: names with markup are inserted verbatim, never interpreted', () => {
    expect(text('{recipient_names}', { recipients: [{ name: '<b>Eve</b> Evil' }] })).toBe('<b>Eve</b>');
  });

  it('is deterministic: the same context gives the same text', () => {
    const c = ctx({ recipients: [priya, ana, sam], deadline: THURSDAY_FIVE });
    const body = TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' | ');
    expect(renderTemplate(body, c)).toEqual(renderTemplate(body, c));
  });

  it('property: never throws and never prints undefined, NaN or Invalid DateTime', () => {
    const zone = fc.constantFrom('Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham', 'UTC', 'Not/AZone', '');
    const hours = fc.record({ timeZone: zone, weekly: fc.constantFrom(nineToFive, weekdays('22:00', '06:00'), weekdays('00:00', '00:00')) });
    const recipient = fc.record({ name: fc.string({ maxLength: 12 }), hours: fc.option(hours, { nil: undefined }) });
    const instant = fc.oneof(fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }), fc.constant(Number.NaN));
    const piece = fc.oneof(
      fc.constantFrom(...TEMPLATE_VARIABLES.map((v) => `{${v}}`), '{', '}', '{{', '}}', '{x}', '{}'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), hours, fc.array(recipient, { maxLength: 6 }), instant, fc.option(instant, { nil: undefined }), (pieces, me, recipients, now, deadline) => {
        const body = pieces.join('');
        const r = renderTemplate(body, {
          now: new Date(now),
          me,
          recipients: recipients.map((x) => (x.hours ? { name: x.name, hours: x.hours } : { name: x.name })),
          ...(deadline === undefined ? {} : { deadline: new Date(deadline) }),
        });
        const generated = r.text.replace(/\{[^{}]*\}/g, '');
        for (const bad of ['undefined', 'NaN', 'Invalid']) if (!body.includes(bad) && !recipients.some((x) => x.name.includes(bad))) expect(generated).not.toContain(bad);
        for (const name of r.missing) expect(r.text).toContain(TEMPLATE_VARIABLE_INFO[name].placeholder);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a body without braces renders as itself', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[{}]/.test(s)), (body) => {
        expect(render(body)).toEqual({ text: body, missing: [] });
      }),
    );
  });
});

describe('templateVariables', () => {
  it('lists variables once each, in order of first use, unknown ones included, escapes excluded', () => {
    expect(templateVariables('{deadline} {their_time} {deadline} {nope} {{my_zone}}')).toEqual(['deadline', 'their_time', 'nope']);
    expect(templateVariables('no variables')).toEqual([]);
  });

  it('every documented variable is known and has a placeholder in brackets', () => {
    for (const v of TEMPLATE_VARIABLES) {
      expect(templateVariables(`{${v}}`)).toEqual([v]);
      expect(TEMPLATE_VARIABLE_INFO[v].placeholder).toMatch(/^\[.+\]$/);
      expect(validateTemplate({ title: 't', body: `{${v}}` })).toEqual([]);
    }
  });
});

describe('validateTemplate', () => {
  const errors = (body: string, title = 'Title'): string[] => validateTemplate({ title, body });

  it('accepts a good template', () => {
    expect(errors('Hi {recipient_names}, decision needed by {deadline}. Literal {{braces}}.')).toEqual([]);
  });

  it('title: not empty (after trimming), at most 80 characters', () => {
    expect(errors('body', '')).toEqual(['Title must not be empty.']);
    expect(errors('body', '   ')).toEqual(['Title must not be empty.']);
    expect(errors('body', 'x'.repeat(81))).toEqual(['Title is too long: 81 characters, at most 80.']);
    expect(errors('body', `  ${'x'.repeat(80)}  `)).toEqual([]);
  });

  it('body: not empty or blank, at most 5000 characters', () => {
    expect(errors('')).toEqual(['Body must not be empty.']);
    expect(errors(' \n ')).toEqual(['Body must not be empty.']);
    expect(errors('x'.repeat(5001))).toEqual(['Body is too long: 5001 characters, at most 5000.']);
    expect(errors('x'.repeat(5000))).toEqual([]);
  });

  it('names unknown variables and suggests the likely one', () => {
    expect(errors('{their_tme}')).toEqual(['Unknown variable {their_tme}: did you mean {their_time}?']);
    expect(errors('{their time}')).toEqual(['Unknown variable {their time}: did you mean {their_time}?']);
    expect(errors('{Deadline}')).toEqual(['Unknown variable {Deadline}: did you mean {deadline}?']);
    expect(errors('{date}')).toEqual(['Unknown variable {date}: did you mean {deadline}?']);
    expect(errors('{name}')).toEqual(['Unknown variable {name}: did you mean {recipient_names}?']);
    expect(errors('{my_next_strat}')).toEqual(['Unknown variable {my_next_strat}: did you mean {my_next_start}?']);
  });

  it('lists the variables when nothing is close, and reports each unknown name once', () => {
    expect(errors('{weather} {weather}')).toEqual([
      'Unknown variable {weather}. Variables: {recipient_names}, {their_time}, {their_next_start}, {my_time}, {my_next_start}, {my_zone}, {deadline}.',
    ]);
  });

  it('unbalanced braces, with where they are and how to write a literal brace', () => {
    expect(errors('Deadline: {deadline')).toEqual([
      'Unbalanced braces: the "{" at line 1, column 11 is never closed. Write {{ for a literal "{".',
    ]);
    expect(errors('ok\nsmile :}')).toEqual([
      'Unbalanced braces: the "}" at line 2, column 8 has no "{" before it. Write }} for a literal "}".',
    ]);
    expect(errors('{deadline\n}')).toHaveLength(2);
  });

  it('an empty variable, and {{name}} that would print the literal name', () => {
    expect(errors('a {} b')).toEqual([
      'Empty variable {} at line 1, column 3: put a variable name between the braces, or write {{}} for literal braces.',
    ]);
    expect(errors('By {{deadline}}')).toEqual([
      '{{deadline}} at line 1, column 4 inserts the literal text "{deadline}"; write {deadline} to insert the value.',
    ]);
  });

  it('reports every problem at once', () => {
    expect(validateTemplate({ title: '', body: '{nope} {' })).toEqual([
      'Title must not be empty.',
      'Unknown variable {nope}. Variables: {recipient_names}, {their_time}, {their_next_start}, {my_time}, {my_next_start}, {my_zone}, {deadline}.',
      'Unbalanced braces: the "{" at line 1, column 8 is never closed. Write {{ for a literal "{".',
    ]);
  });
});

describe('built-ins in the UI language', () => {
  it('English messages are exactly the stored English defaults', async () => {
    const english = await parseMessagesFile(new URL('../../utils/locales/en.yml', import.meta.url).pathname);
    const text = (key: string) => english.find((m) => m.key.join('.') === key && m.type === 'simple');
    const keyOf = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    for (const builtIn of BUILT_IN_TEMPLATES) {
      for (const part of ['title', 'email', 'chat'] as const) {
        const message = text(`templates.builtIn.${keyOf(builtIn.id)}.${part}`);
        expect(message && 'message' in message ? message.message : undefined, `${builtIn.id}.${part}`).toBe(builtIn[part]);
      }
      expect(localizedBuiltIn(builtIn.id)).toEqual(builtIn);
    }
  });

  it('German: every built-in is German, valid, uses the same variables, and chat stays short', async () => {
    await useLanguage('de');
    for (const builtIn of BUILT_IN_TEMPLATES) {
      const german = localizedBuiltIn(builtIn.id)!;
      for (const part of ['title', 'email', 'chat'] as const) expect(german[part], `${builtIn.id}.${part}`).not.toBe(builtIn[part]);
      for (const flavour of ['email', 'chat'] as const) {
        expect(validateTemplate({ title: german.title, body: german[flavour] }), builtIn.id).toEqual([]);
        expect(templateVariables(german[flavour]).sort(), builtIn.id).toEqual(templateVariables(builtIn[flavour]).sort());
      }
      expect(german.chat.split('\n').length).toBeLessThanOrEqual(2);
      expect(german.chat.length, builtIn.id).toBeLessThanOrEqual(140);
    }
  });

  it('German: an unedited built-in is shown and inserted in German, in the site flavour; an edited one stays as written', async () => {
    await useLanguage('de');
    const stored = builtInTemplate('no-rush', 'email')!;
    expect(templateForFlavour(stored, 'chat')).toEqual({ id: 'no-rush', title: 'Keine Eile: Antwort in Ihrer Arbeitszeit', body: 'Keine Eile: Antworten Sie in Ihrer Arbeitszeit.' });
    expect(displayTitle(stored)).toBe('Keine Eile: Antwort in Ihrer Arbeitszeit');
    // A German default saved by the editor is still a default: it follows the flavour.
    const germanEmail = templateForFlavour(stored, 'email');
    expect(isUneditedBuiltIn(germanEmail)).toBe(true);
    expect(templateForFlavour(germanEmail, 'chat').body).toBe('Keine Eile: Antworten Sie in Ihrer Arbeitszeit.');
    const edited = { ...stored, title: 'Später', body: 'Kein Stress, {recipient_names}.', shortcut: 'Alt+Shift+Digit1' };
    expect(templateForFlavour(edited, 'chat')).toEqual(edited);
    // The variables inside a German built-in stay literal until rendering.
    expect(templateForFlavour(builtInTemplate('handoff', 'email')!, 'email').body).toContain('{recipient_names}');
  });

  it('reading the messages never throws: where they cannot be read, the English default is used', async () => {
    await useLanguage('de');
    const broken = { ...builtInTemplate('fyi', 'chat')! };
    expect(localizedBuiltIn('fyi')?.chat).toBe('Zur Info, keine Antwort nötig.');
    fakeBrowserI18nThrows(() => {
      expect(localizedBuiltIn('fyi')?.chat).toBe('FYI, no reply needed.');
      expect(templateForFlavour(broken, 'email').body).toBe('FYI only: no reply or action needed.');
    });
  });
});

/** Runs `body` while the fake browser's getMessage throws (a torn-down page script). */
function fakeBrowserI18nThrows(body: () => void): void {
  const original = fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getMessage = () => {
    throw new Error('Extension context invalidated.');
  };
  try {
    body();
  } finally {
    fakeBrowser.i18n.getMessage = original;
  }
}

describe('rendering in German', () => {
  const context = (): Partial<TemplateContext> => ({ recipients: [priya, ana, { name: 'Bob' }, { name: 'Chen' }, { name: 'Dee' }], deadline: THURSDAY_FIVE });

  it('names, times and the deadline in German, dates formatted for German', async () => {
    await useLanguage('de');
    expect(text('{recipient_names}', context())).toBe('Priya, Ana, Bob und 2 weitere');
    expect(text('{recipient_names}', { recipients: [priya, ana] })).toBe('Priya und Ana');
    expect(text('{their_time}', { recipients: [priya, ana] })).toBe('Mi. 04:00 Uhr für Priya in Asia/Kolkata; 22:30 Uhr für Ana in Europe/London');
    expect(text('{my_time} / {my_next_start}')).toBe('23:30 Uhr in Europe/Berlin / Mi. 09:00 Uhr in Europe/Berlin');
    expect(text('{deadline}', { deadline: THURSDAY_FIVE, recipients: [kenji] })).toBe(
      'Do., 15. Jan., 17:00 Uhr in Europe/Berlin (Fr., 16. Jan., 01:00 Uhr für Kenji in Asia/Tokyo)',
    );
    expect(text('{their_time}', { recipients: [priya, ana, kenji, sam, lee] })).toMatch(/; und 1 weitere Zeitzone$/);
  });

  it('missing values show German placeholders', async () => {
    await useLanguage('de');
    expect(render('Hallo {recipient_names}, bis {deadline} ({their_time})')).toEqual({
      text: 'Hallo [Name], bis [Frist] ([Uhrzeit der Empfänger])',
      missing: ['recipient_names', 'deadline', 'their_time'],
    });
    expect(TEMPLATE_VARIABLE_INFO.my_next_start.placeholder).toBe('[mein nächster Arbeitsbeginn]');
    expect(TEMPLATE_VARIABLE_INFO.deadline.description).toMatch(/Frist/);
  });

  it('validation messages are German, with literal braces intact', async () => {
    await useLanguage('de');
    expect(validateTemplate({ title: '', body: '{dedline} {{deadline}} {' })).toEqual([
      'Der Titel darf nicht leer sein.',
      'Unbekannte Variable {dedline}: Meinten Sie {deadline}?',
      '{{deadline}} bei Zeile 1, Spalte 11 fügt den Text „{deadline}“ wörtlich ein; schreiben Sie {deadline}, um den Wert einzufügen.',
      'Unausgeglichene Klammern: Die öffnende Klammer „{“ bei Zeile 1, Spalte 24 wird nie geschlossen. Schreiben Sie {{ für eine einzelne „{“ als Text.',
    ]);
  });

  it('the browser locale shapes English dates (en-US)', async () => {
    await useLanguage('en-US');
    expect(text('{deadline}', { deadline: THURSDAY_FIVE })).toBe('Thu, Jan 15, 5:00 PM in Europe/Berlin');
  });
});

describe('inserted into a message: never an unfilled placeholder (issue 20)', () => {
  const noRush = (): Template => builtInTemplate('no-rush', 'email')!;
  const handoff = (): Template => builtInTemplate('handoff', 'email')!;
  const insert = (template: Template, recipients: TemplateRecipient[], me: Hours | null = berlin) =>
    templateText({ template, site: 'gmail', now: TUESDAY_NIGHT, me, recipients });
  /** A variable's bracketed placeholder, e.g. "[their next working start]" (the built-ins' own "[what's finished]" prompts are the user's to fill). */
  const placeholders = () => TEMPLATE_VARIABLES.map((v) => TEMPLATE_VARIABLE_INFO[v].placeholder);

  it('"No rush" before any recipient says "the start of your next working day", not "[their next working start]"', async () => {
    await useLanguage('en-GB');
    const text = insert(noRush(), []);
    expect(text).toContain('(from the start of your next working day)');
    for (const p of placeholders()) expect(text).not.toContain(p);
    // With a recipient whose zone is known, the real value.
    expect(insert(noRush(), [priya])).toContain('(from Wed 09:00 in Asia/Kolkata)');
    // A recipient without a zone is no better known than none.
    expect(insert(noRush(), [alex])).toContain('the start of your next working day');
  });

  it('before the first snapshot, the sender\u2019s own values read as words too', async () => {
    await useLanguage('en-GB');
    const text = insert(handoff(), [], null);
    expect(text).toContain("Handoff for everyone (I'm offline until the start of my next working day)");
    for (const p of placeholders()) expect(text).not.toContain(p);
  });

  it('every variable has a phrase without brackets, in English and German', async () => {
    for (const language of ['en', 'de']) {
      await useLanguage(language);
      const body = TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' | ');
      const rendered = renderTemplate(body, { now: new Date(Number.NaN), me: { timeZone: 'Mars/Base', weekly: nineToFive }, recipients: [] }, 'phrase');
      expect(rendered.missing).toEqual([...TEMPLATE_VARIABLES]);
      expect(rendered.text).not.toMatch(/[[\]{}]/);
      for (const v of TEMPLATE_VARIABLES) expect(TEMPLATE_VARIABLE_INFO[v].phrase).not.toBe('');
    }
    await useLanguage('de');
    expect(insert(builtInTemplate('no-rush', 'email')!, [])).toContain('(ab Beginn Ihres nächsten Arbeitstags)');
  });
});

describe('template shortcuts', () => {
  const press = (code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });

  it('canonical form from KeyboardEvent.code, modifiers in a fixed order; a lone modifier is no shortcut', () => {
    expect(shortcutOfPress(press('Digit1', { altKey: true, shiftKey: true }))).toBe('Alt+Shift+Digit1');
    expect(shortcutOfPress(press('KeyK', { metaKey: true, shiftKey: true, ctrlKey: true }))).toBe('Ctrl+Shift+Meta+KeyK');
    expect(shortcutOfPress(press('ShiftLeft', { shiftKey: true }))).toBeNull();
    expect(shortcutOfPress(press('AltRight', { altKey: true }))).toBeNull();
    expect(shortcutOfPress(press(''))).toBeNull();
  });

  it('is layout independent: the code decides, not the character (German "!" on Shift+1, AZERTY "&")', () => {
    const german = { ...press('Digit1', { altKey: true, shiftKey: true }), key: '!' };
    const azerty = { ...press('Digit1', { altKey: true, shiftKey: true }), key: '1' };
    expect(shortcutOfPress(german)).toBe(shortcutOfPress(azerty));
  });

  it('is shown the way keys are labelled, in the UI language', async () => {
    expect(displayShortcut('Alt+Shift+Digit1')).toBe('Alt+Shift+1');
    expect(displayShortcut('Ctrl+Shift+KeyM')).toBe('Ctrl+Shift+M');
    expect(displayShortcut('Alt+Comma')).toBe('Alt+,');
    expect(displayShortcut('Meta+F5')).toBe('Meta+F5');
    await useLanguage('de');
    expect(displayShortcut('Ctrl+Shift+KeyM')).toBe('Strg+Umschalt+M');
  });

  it('needs Ctrl, Alt or Meta, ends in a letter, digit, punctuation or F-key, and leaves AltGr, editing and our commands alone', () => {
    expect(shortcutProblem('Alt+Shift+Digit1')).toBeNull();
    expect(shortcutProblem('Ctrl+Shift+KeyM')).toBeNull();
    expect(shortcutProblem('Meta+Period')).toBeNull();
    expect(shortcutProblem('Alt+F7')).toBeNull();
    expect(shortcutProblem('Shift+Digit1')).toBe('modifier');
    expect(shortcutProblem('KeyA')).toBe('modifier');
    expect(shortcutProblem('Ctrl+Enter')).toBe('key');
    expect(shortcutProblem('Alt+ArrowUp')).toBe('key');
    expect(shortcutProblem('Ctrl+Alt+KeyQ')).toBe('altgr');
    expect(shortcutProblem('Ctrl+KeyC')).toBe('taken');
    expect(shortcutProblem('Shift+Meta+KeyZ')).toBe('taken');
    expect(shortcutProblem('Ctrl+Shift+KeyT')).toBe('taken');
    expect(shortcutProblem('Alt+Shift+KeyQ')).toBe('command');
    expect(shortcutProblem('Alt+Shift+KeyK')).toBe('command');
    for (const bad of ['Shift+Alt+Digit1', 'Alt+Alt+Digit1', 'Hyper+KeyA', 'Alt+', '', 'Alt+Shift+1', 'Alt+Shift']) {
      expect(shortcutProblem(bad), bad).toBe('format');
    }
  });

  it('explains each problem with the keys as people read them', () => {
    expect(shortcutProblemMessage('command', 'Alt+Shift+KeyQ')).toBe('Alt+Shift+Q is one of Async Etiquette’s own shortcuts: choose another combination.');
    expect(shortcutProblemMessage('modifier', 'Shift+Digit1')).toMatch(/^A shortcut needs Ctrl, Alt or Meta/);
  });

  it('finds the template a press stands for, first in menu order, and only on an exact match', () => {
    const list = [
      { id: 'a', title: 'A', body: 'a', shortcut: 'Alt+Shift+Digit1' },
      { id: 'b', title: 'B', body: 'b', shortcut: 'Alt+Digit1' },
      { id: 'c', title: 'C', body: 'c' },
    ];
    expect(templateForPress(list, press('Digit1', { altKey: true, shiftKey: true }))?.id).toBe('a');
    expect(templateForPress(list, press('Digit1', { altKey: true }))?.id).toBe('b');
    expect(templateForPress(list, press('Digit1', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(templateForPress(list, press('Digit1'))).toBeNull();
    expect(templateForPress(list, press('AltLeft', { altKey: true }))).toBeNull();
  });

  it('finds two templates sharing a shortcut', () => {
    expect(findShortcutClash([{ id: 'a', title: 'A', shortcut: 'Alt+KeyM' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C', shortcut: 'Alt+KeyM' }])).toEqual({
      shortcut: 'Alt+KeyM',
      first: { id: 'a', title: 'A' },
      second: { id: 'c', title: 'C' },
    });
    expect(findShortcutClash([{ id: 'a', title: 'A', shortcut: 'Alt+KeyM' }, { id: 'b', title: 'B', shortcut: 'Alt+KeyN' }])).toBeNull();
  });
});

describe('template shortcuts in stored data and the settings file', () => {
  const HEADER = { format: 'async-etiquette/settings', version: 1 } as const;
  const withShortcut = { id: 'standup', title: 'Stand-up', body: 'Yesterday / Today / Blockers', shortcut: 'Alt+Shift+Digit1' };

  it('the schema takes an optional canonical shortcut and refuses the rest with the reason', () => {
    expect(templateSchema.safeParse(withShortcut).success).toBe(true);
    expect(templateSchema.safeParse({ id: 'a', title: 'A', body: 'b' }).success).toBe(true);
    const refused = templateSchema.safeParse({ ...withShortcut, shortcut: 'Alt+Shift+KeyQ' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Alt+Shift+Q is one of Async Etiquette’s own shortcuts: choose another combination');
    expect(templateSchema.safeParse({ ...withShortcut, shortcut: 'Shift+Digit1' }).success).toBe(false);
    expect(templateSchema.safeParse({ ...withShortcut, shortcut: 'alt+shift+1' }).success).toBe(false);
  });

  it('round-trips through export and import; a file from before shortcuts still imports', () => {
    const settings = { ...defaultSettings('Europe/Berlin'), templates: [withShortcut, builtInTemplate('fyi', 'email')!] };
    const exported = JSON.stringify(toSettingsFile(settings));
    const imported = parseSettingsText(exported);
    expect(imported.ok && imported.settings.templates).toEqual(settings.templates);
    const old = parseSettingsText(JSON.stringify({ ...HEADER, templates: [{ id: 'no-rush', title: 'No rush', body: 'Later is fine.' }] }));
    expect(old.ok && old.settings.templates).toEqual([{ id: 'no-rush', title: 'No rush', body: 'Later is fine.' }]);
  });

  it('an import with two templates on one shortcut is refused, naming both', () => {
    const file = { ...HEADER, templates: [withShortcut, { id: 'fyi', title: 'FYI', body: 'FYI.', shortcut: 'Alt+Shift+Digit1' }] };
    expect(parseSettingsText(JSON.stringify(file))).toEqual({
      ok: false,
      error: 'templates: “Stand-up” and “FYI” both use the shortcut Alt+Shift+1: each template needs its own.',
    });
  });

  it('an import with a bad shortcut names the field and the reason, in German too', async () => {
    const file = JSON.stringify({ ...HEADER, templates: [{ ...withShortcut, shortcut: 'Ctrl+KeyV' }] });
    expect(parseSettingsText(file)).toEqual({
      ok: false,
      error: 'templates[0].shortcut ("Ctrl+KeyV"): Ctrl+V belongs to the browser or to text editing (copy, paste, undo, new tab…): choose another combination.',
    });
    await useLanguage('de');
    const german = parseSettingsText(file);
    expect(german.ok ? '' : german.error).toContain('Strg+V gehört dem Browser oder der Textbearbeitung');
  });
});

// Keep the fixture file honest: the contract example has no shortcut and must stay importable.
it('the contract example settings file still imports', () => {
  const text = readFileSync(new URL('../fixtures/settings/valid-full.json', import.meta.url), 'utf8');
  expect(parseSettingsText(text).ok).toBe(true);
});
