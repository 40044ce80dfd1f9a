/** A template's text for one composer: the site's flavour, with its variables filled for the recipients there. */
import { flavourForSite, renderTemplate, templateForFlavour, type TemplateRecipient } from '@/utils/etiquette';
import type { Hours } from '@/utils/hours';
import type { Site, Template } from '@/utils/store/schema';

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export interface TemplateTextInput {
  template: Template;
  site: Site;
  now: Date;
  /** The user's own hours; null before the first snapshot (variables about them then stay placeholders). */
  me: Hours | null;
  /** The composer's recipients, the user excluded. */
  recipients: TemplateRecipient[];
  deadline?: Date;
}

export function templateText({ template, site, now, me, recipients, deadline }: TemplateTextInput): string {
  const body = templateForFlavour(template, flavourForSite(site)).body;
  return renderTemplate(body, { now, me: me ?? { timeZone: 'UTC', weekly: EMPTY_WEEK }, recipients: me ? recipients : [], deadline }).text;
}
