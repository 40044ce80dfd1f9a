/** A template's text for one composer: the site's flavour, with its variables filled for the recipients there. */
import { flavourForSite, renderTemplate, templateForFlavour, type TemplateRecipient } from '@/utils/etiquette';
import type { Hours } from '@/utils/hours';
import type { Site, Template } from '@/utils/store/schema';

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export interface TemplateTextInput {
  template: Template;
  site: Site;
  now: Date;
  /** The user's own hours; null before the first snapshot (variables about them then read as plain phrases). */
  me: Hours | null;
  /** The composer's recipients, the user excluded. */
  recipients: TemplateRecipient[];
  deadline?: Date;
}

/**
 * Never inserts a bracketed placeholder: a value not known yet (no recipient chosen, no snapshot)
 * is written as plain words ("from the start of your next working day") the person can send as is.
 */
export function templateText({ template, site, now, me, recipients, deadline }: TemplateTextInput): string {
  const body = templateForFlavour(template, flavourForSite(site)).body;
  const context = { now, me: me ?? { timeZone: 'UTC', weekly: EMPTY_WEEK }, recipients: me ? recipients : [], deadline };
  return renderTemplate(body, context, 'phrase').text;
}
