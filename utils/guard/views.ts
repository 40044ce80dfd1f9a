/**
 * What the page UI shows for a verdict, read from the draft and the settings when it is shown: the
 * dialog's view (with clarity findings and their fixes) and the nudge note's line. Part of the
 * lazily loaded page UI: none of this runs on the Send path.
 */
import { builtInTemplate, checkClarity, flavourForSite, templateForFlavour } from '@/utils/etiquette';
import { holdView, noteText, type ClarityNote, type HoldView, type SendNowView } from '@/utils/etiquette/hold-view';
import type { AfterHoursVerdict } from '@/utils/etiquette/types';
import { labelLanguageFor, messageLanguageOf, urgentLabel } from '@/utils/etiquette/urgent-label';
import { messageLanguage } from '@/utils/i18n';
import type { Template } from '@/utils/store/schema';
import type { SiteAdapter } from './adapter';
import type { SnapshotSource } from './snapshot-client';

export interface ViewContext {
  adapter: SiteAdapter;
  source: SnapshotSource;
}

/** The user's own copy of a template, or the built-in one (a fix must work even if it was deleted). */
export function templateById({ adapter, source }: ViewContext, id: string): Template | null {
  return source.current()?.settings.templates.find((t) => t.id === id) ?? builtInTemplate(id, flavourForSite(adapter.site)) ?? null;
}

/** Local rules over the draft, run when the dialog or note opens, never on the Send path itself. */
export function clarityNotes(ctx: ViewContext, composer: HTMLElement, verdict: AfterHoursVerdict): ClarityNote[] {
  const flavour = flavourForSite(ctx.adapter.site);
  const text = ctx.adapter.body(composer)?.innerText ?? '';
  const disabledRules = ctx.source.current()?.settings.preferences.clarityDisabledRules ?? [];
  try {
    return checkClarity(text, { channel: flavour, atNight: verdict.sender.outside }, { disabledRules }).map((f) => {
      const template = f.fix ? templateById(ctx, f.fix.templateId) : null;
      // The title as the picker shows it (a built-in's in the UI language).
      const title = template ? templateForFlavour(template, flavour).title : '';
      return { rule: f.rule, message: f.message, fix: template ? { templateId: template.id, title } : undefined };
    });
  } catch {
    return [];
  }
}

/**
 * What Send now asks first (issue 21), or undefined when it sends at once: reason 'off' and no daily
 * limit, or no snapshot yet. A snapshot from before issue 21 has neither field: nothing is asked.
 */
export function sendNowView(ctx: ViewContext, composer: HTMLElement, verdict: AfterHoursVerdict): SendNowView | undefined {
  const snapshot = ctx.source.current();
  if (!snapshot) return undefined;
  const preferences = snapshot.settings.preferences;
  const reason = preferences.sendNowReason ?? 'off';
  const limit = preferences.sendNowDailyLimit ?? null;
  if (reason === 'off' && limit === null) return undefined;
  const limitLocked = limit !== null && (snapshot.locked ?? []).includes('preferences.sendNowDailyLimit');
  // The line speaks to recipients outside their hours, so it is offered only when there are some.
  if (verdict.counts.outside === 0 || !ctx.adapter.insertAtStart) return { reason, limit, limitLocked, label: null };
  // Only the language is taken from the draft; its text is not kept.
  const language = messageLanguageOf(ctx.adapter.body(composer)?.innerText ?? '', labelLanguageFor(messageLanguage()));
  return {
    reason,
    limit,
    limitLocked,
    label: {
      checked: preferences.sendNowLabel ?? false,
      line: (chosen, ownWords) => urgentLabel({ verdict, language, reason: chosen, ownWords, now: Date.now() }),
    },
  };
}

export function describeHold(ctx: ViewContext, composer: HTMLElement, verdict: AfterHoursVerdict): HoldView {
  const { adapter } = ctx;
  const view = {
    ...holdView(verdict, adapter.scheduleStepMinutes),
    findings: clarityNotes(ctx, composer, verdict),
    sendNow: sendNowView(ctx, composer, verdict),
  };
  return !adapter.scheduleNative && adapter.holdForLaterNote ? { ...view, scheduleNote: adapter.holdForLaterNote() } : view;
}

/** The nudge note's one line: the verdict, then the draft's first clarity finding. */
export function describeNote(ctx: ViewContext, composer: HTMLElement, verdict: AfterHoursVerdict): string {
  return [noteText(verdict, ctx.adapter.scheduleStepMinutes), clarityNotes(ctx, composer, verdict)[0]?.message].filter(Boolean).join('. ');
}
