/**
 * The built-in context templates, in an email and a chat flavour. Stored templates are plain
 * `{ id, title, body }` (one list for all sites); a built-in the user has not edited is shown in the
 * flavour of the site it is inserted on (see `templateForFlavour`), an edited one exactly as written.
 *
 * Languages: the stored defaults are the English wording below (data, the same in every browser). A
 * built-in the user has not edited is shown and inserted in the UI language (utils/locales: German
 * bodies live there); one they edited is their text and stays as written.
 */
import { t as typedT } from '../../i18n';
import type { Site, Template } from '../../store/schema';

export type TemplateFlavour = 'email' | 'chat';

export const BUILT_IN_TEMPLATE_IDS = [
  'no-rush',
  'fyi',
  'decision-needed',
  'context-ask-deadline',
  'bluf',
  'handoff',
  'odd-hours-footer',
] as const;

export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

export interface BuiltInTemplate {
  id: BuiltInTemplateId;
  title: string;
  /** Email and Docs comments: a short paragraph or structure. */
  email: string;
  /** Chat: one or two short lines. */
  chat: string;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = Object.freeze([
  {
    id: 'no-rush',
    title: 'No rush: reply in your working hours',
    email: 'No rush on this: please pick it up in your working hours (from {their_next_start}), not before.',
    chat: 'No rush: reply in your working hours.',
  },
  {
    id: 'fyi',
    title: 'FYI, no reply needed',
    email: 'FYI only: no reply or action needed.',
    chat: 'FYI, no reply needed.',
  },
  {
    id: 'decision-needed',
    title: 'Decision needed by a deadline (in their time too)',
    email:
      "Decision needed by {deadline}.\n\nQuestion: [what needs deciding]\nOptions: [A / B]\nIf I don't hear back by then, I'll [default].",
    chat: "Decision needed by {deadline}: [question]. If I don't hear back, I'll [default].",
  },
  {
    id: 'context-ask-deadline',
    title: 'Context / Ask / Deadline',
    email: "Context: [what's going on and why it matters]\nAsk: [exactly what you need]\nDeadline: {deadline}",
    chat: 'Context: [one line]. Ask: [what you need]. Deadline: {deadline}.',
  },
  {
    id: 'bluf',
    title: 'Bottom line up front',
    email: 'Bottom line: [the one thing to know or do]\n\nDetails:\n[background, options, links]',
    chat: 'TL;DR: [the one thing to know or do]',
  },
  {
    id: 'handoff',
    title: "Handoff across time zones (what's done, what's next, who to ask)",
    email:
      "Handoff for {recipient_names} (I'm offline until {my_next_start}):\n\nDone: [what's finished]\nNext: [what you can pick up]\nOpen: [anything undecided]\nWho to ask while I'm out: [who]",
    chat: "Handoff (I'm back {my_next_start}). Done: [what's finished]. Next: [what you can pick up]. Stuck? Ask [who].",
  },
  {
    id: 'odd-hours-footer',
    title: 'Footer: I send at odd hours, please reply in yours',
    email: 'I work from {my_zone} and often write at odd hours. Please read and reply in your own working hours.',
    chat: 'I send at odd hours; please reply in yours.',
  },
] satisfies BuiltInTemplate[]);

/** Bodies of earlier built-in defaults, so unedited ones stored by older versions still follow the site's flavour. */
const LEGACY_BODIES: Readonly<Partial<Record<BuiltInTemplateId, readonly string[]>>> = {
  'no-rush': ['No rush: please reply during your working hours.'],
  fyi: ['FYI only, no reply needed.'],
  'context-ask-deadline': ['Context: \nAsk: \nDeadline: '],
  'odd-hours-footer': ['I send at odd hours; please reply in yours.'],
};

const BY_ID: ReadonlyMap<string, BuiltInTemplate> = new Map(BUILT_IN_TEMPLATES.map((builtIn) => [builtIn.id, builtIn]));

/**
 * Built-in texts contain `{variables}`, which the i18n wrapper would read as its own named
 * placeholders: they are looked up without substitutions, so every brace stays literal.
 */
const t = typedT as unknown as (key: string) => string;

type Wording = Pick<BuiltInTemplate, 'title' | 'email' | 'chat'>;

/** Literal keys (the key test scans for them), read when asked so they follow the UI language. */
const WORDING: Readonly<Record<BuiltInTemplateId, () => Wording>> = {
  'no-rush': () => ({
    title: t('templates.builtIn.noRush.title'),
    email: t('templates.builtIn.noRush.email'),
    chat: t('templates.builtIn.noRush.chat'),
  }),
  fyi: () => ({
    title: t('templates.builtIn.fyi.title'),
    email: t('templates.builtIn.fyi.email'),
    chat: t('templates.builtIn.fyi.chat'),
  }),
  'decision-needed': () => ({
    title: t('templates.builtIn.decisionNeeded.title'),
    email: t('templates.builtIn.decisionNeeded.email'),
    chat: t('templates.builtIn.decisionNeeded.chat'),
  }),
  'context-ask-deadline': () => ({
    title: t('templates.builtIn.contextAskDeadline.title'),
    email: t('templates.builtIn.contextAskDeadline.email'),
    chat: t('templates.builtIn.contextAskDeadline.chat'),
  }),
  bluf: () => ({
    title: t('templates.builtIn.bluf.title'),
    email: t('templates.builtIn.bluf.email'),
    chat: t('templates.builtIn.bluf.chat'),
  }),
  handoff: () => ({
    title: t('templates.builtIn.handoff.title'),
    email: t('templates.builtIn.handoff.email'),
    chat: t('templates.builtIn.handoff.chat'),
  }),
  'odd-hours-footer': () => ({
    title: t('templates.builtIn.oddHoursFooter.title'),
    email: t('templates.builtIn.oddHoursFooter.email'),
    chat: t('templates.builtIn.oddHoursFooter.chat'),
  }),
};

/** Never throws: a page script whose extension is gone cannot read messages. */
function readWording(id: BuiltInTemplateId): Wording | null {
  try {
    return WORDING[id]();
  } catch {
    return null;
  }
}

/** A built-in's wording in the UI language; the English defaults where a text cannot be read. */
export function localizedBuiltIn(id: string): BuiltInTemplate | undefined {
  const english = BY_ID.get(id);
  if (!english) return undefined;
  const wording = readWording(english.id);
  return {
    id: english.id,
    title: wording?.title || english.title,
    email: wording?.email || english.email,
    chat: wording?.chat || english.chat,
  };
}

export function isBuiltInTemplateId(id: string): id is BuiltInTemplateId {
  return BY_ID.has(id);
}

/** Gmail and Docs comments are email-like; Slack is chat. */
export function flavourForSite(site: Site): TemplateFlavour {
  return site === 'slack' ? 'chat' : 'email';
}

/** The built-in in one flavour, in its stored (English) wording: what "Reset" restores; undefined for other ids. A fresh object. */
export function builtInTemplate(id: string, flavour: TemplateFlavour): Template | undefined {
  const builtIn = BY_ID.get(id);
  return builtIn ? { id: builtIn.id, title: builtIn.title, body: builtIn[flavour] } : undefined;
}

/** All built-ins in one flavour, in menu order; fresh objects every call. */
export function builtInTemplates(flavour: TemplateFlavour): Template[] {
  return BUILT_IN_TEMPLATES.map((builtIn) => ({ id: builtIn.id, title: builtIn.title, body: builtIn[flavour] }));
}

/** A built-in whose body is still one of its defaults (either flavour, English or the UI language, or an older default). */
export function isUneditedBuiltIn(template: Template): boolean {
  const english = BY_ID.get(template.id);
  const local = localizedBuiltIn(template.id);
  if (!english || !local) return false;
  const defaults = [english.email, english.chat, local.email, local.chat, ...(LEGACY_BODIES[english.id] ?? [])];
  return defaults.includes(template.body);
}

/** A built-in's title the user has not changed (in English or the UI language). */
function isDefaultTitle(template: Template): boolean {
  return template.title === BY_ID.get(template.id)?.title || template.title === localizedBuiltIn(template.id)?.title;
}

/**
 * The template as it should be shown and inserted on a site of this flavour: an unedited built-in
 * gets the flavour's body in the UI language; a built-in's title the user did not rename is in the UI
 * language too; anything the user wrote or changed is returned as is. Always a fresh object; other
 * fields (the shortcut) are kept.
 */
export function templateForFlavour(template: Template, flavour: TemplateFlavour): Template {
  const local = localizedBuiltIn(template.id);
  const title = displayTitle(template);
  if (!local || !isUneditedBuiltIn(template)) return { ...template, title };
  return { ...template, title, body: local[flavour] };
}

/** The title a list shows: a built-in's default title in the UI language, anything else as written. */
export function displayTitle(template: Template): string {
  return isDefaultTitle(template) ? (localizedBuiltIn(template.id)?.title ?? template.title) : template.title;
}
