/**
 * The built-in context templates, in an email and a chat flavour. Stored templates are plain
 * `{ id, title, body }` (one list for all sites); a built-in the user has not edited is shown in the
 * flavour of the site it is inserted on (see `templateForFlavour`), an edited one exactly as written.
 */
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

const BY_ID: ReadonlyMap<string, BuiltInTemplate> = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t]));

export function isBuiltInTemplateId(id: string): id is BuiltInTemplateId {
  return BY_ID.has(id);
}

/** Gmail and Docs comments are email-like; Slack is chat. */
export function flavourForSite(site: Site): TemplateFlavour {
  return site === 'slack' ? 'chat' : 'email';
}

/** The built-in in one flavour (also what "Reset" restores); undefined for other ids. A fresh object. */
export function builtInTemplate(id: string, flavour: TemplateFlavour): Template | undefined {
  const t = BY_ID.get(id);
  return t ? { id: t.id, title: t.title, body: t[flavour] } : undefined;
}

/** All built-ins in one flavour, in menu order; fresh objects every call. */
export function builtInTemplates(flavour: TemplateFlavour): Template[] {
  return BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, title: t.title, body: t[flavour] }));
}

/** A built-in whose body is still one of its defaults (either flavour, or an older default). */
export function isUneditedBuiltIn(template: Template): boolean {
  const t = BY_ID.get(template.id);
  if (!t) return false;
  return template.body === t.email || template.body === t.chat || (LEGACY_BODIES[t.id] ?? []).includes(template.body);
}

/**
 * The template as it should be inserted on a site of this flavour: an unedited built-in gets the
 * flavour's body; anything the user wrote or changed is returned as is. Always a fresh object.
 */
export function templateForFlavour(template: Template, flavour: TemplateFlavour): Template {
  const t = BY_ID.get(template.id);
  return t && isUneditedBuiltIn(template) ? { ...template, body: t[flavour] } : { ...template };
}
