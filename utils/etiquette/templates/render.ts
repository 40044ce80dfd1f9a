/** Rendering and checking template bodies. Plain text in, plain text out: nothing here produces HTML. */
import { t } from '../../i18n';
import { parseTemplate, positionOf, type SyntaxProblem } from './syntax';
import { templateValues, type TemplateContext } from './values';
import { TEMPLATE_VARIABLE_INFO, isTemplateVariable, suggestVariable, type TemplateVariable } from './variables';

/** Limits of the stored template (utils/store/schema.ts); repeated here to keep zod out of content scripts. */
export const TEMPLATE_TITLE_MAX = 80;
export const TEMPLATE_BODY_MAX = 5_000;

export interface RenderedTemplate {
  text: string;
  /** Variables whose value was unknown and that show their placeholder ("[deadline]"), in order, once each. */
  missing: TemplateVariable[];
}

/**
 * How an unknown value is written: `placeholder` ("[their next working start]", for previews that show
 * what is missing) or `phrase` ("the start of your next working day", for text that goes into a message).
 */
export type UnknownValues = 'placeholder' | 'phrase';

/**
 * Fills in the variables. Unknown values show a visible placeholder (or a plain phrase) and are listed
 * in `missing`; an unknown variable name (which validateTemplate refuses) and unbalanced braces stay as typed.
 */
export function renderTemplate(body: string, context: TemplateContext, unknown: UnknownValues = 'placeholder'): RenderedTemplate {
  const values = templateValues(context);
  const cache = new Map<TemplateVariable, string | null>();
  const missing: TemplateVariable[] = [];
  let text = '';
  for (const token of parseTemplate(body).tokens) {
    if (token.kind === 'text') {
      text += token.text;
      continue;
    }
    const { name } = token;
    if (!isTemplateVariable(name)) {
      text += `{${name}}`;
      continue;
    }
    if (!cache.has(name)) cache.set(name, safely(values[name]));
    const value = cache.get(name) ?? null;
    if (value === null) {
      if (!missing.includes(name)) missing.push(name);
      text += unknown === 'phrase' ? TEMPLATE_VARIABLE_INFO[name].phrase : TEMPLATE_VARIABLE_INFO[name].placeholder;
    } else {
      text += value;
    }
  }
  return { text, missing };
}

function safely(compute: () => string | null): string | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** Variable names used in a body (known or not), in order of first use, without braces. */
export function templateVariables(body: string): string[] {
  const names: string[] = [];
  for (const token of parseTemplate(body).tokens) {
    if (token.kind === 'variable' && !names.includes(token.name)) names.push(token.name);
  }
  return names;
}

/** Whether inserting this body needs a deadline from the picker. */
export function templateNeedsDeadline(body: string): boolean {
  return templateVariables(body).includes('deadline');
}

function where(body: string, index: number): string {
  const { line, column } = positionOf(body, index);
  return t('templates.syntax.where', { line, column });
}

/** The messages show literal braces: they go through `t` with names only for {where} and {name}. */
function syntaxMessage(body: string, p: SyntaxProblem): string {
  const at = where(body, p.index);
  switch (p.kind) {
    case 'unclosed':
      return t('templates.syntax.unclosed', { where: at });
    case 'unopened':
      return t('templates.syntax.unopened', { where: at });
    case 'empty':
      return t('templates.syntax.empty', { where: at });
    case 'escaped':
      return t('templates.syntax.escaped', { where: at, name: p.name });
  }
}

function unknownVariableMessage(name: string): string {
  const suggestion = suggestVariable(name);
  return suggestion
    ? t('templates.syntax.unknownSuggestion', { name, suggestion })
    : t('templates.syntax.unknown', {
        name,
        list: Object.keys(TEMPLATE_VARIABLE_INFO)
          .map((v) => `{${v}}`)
          .join(', '),
      });
}

export type TemplateField = 'title' | 'body';

export interface TemplateProblem {
  /** The field the problem is in, for the editor's aria-invalid. */
  field: TemplateField;
  message: string;
}

function titleProblems(title: string): TemplateProblem[] {
  const trimmed = title.trim();
  if (trimmed === '') return [{ field: 'title', message: t('templates.errors.titleEmpty') }];
  if (trimmed.length > TEMPLATE_TITLE_MAX)
    return [{ field: 'title', message: t('templates.errors.titleTooLong', { length: trimmed.length, max: TEMPLATE_TITLE_MAX }) }];
  return [];
}

function bodyProblems(body: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (body.trim() === '') problems.push({ field: 'body', message: t('templates.errors.bodyEmpty') });
  else if (body.length > TEMPLATE_BODY_MAX)
    problems.push({ field: 'body', message: t('templates.errors.bodyTooLong', { length: body.length, max: TEMPLATE_BODY_MAX }) });

  const { tokens, problems: syntax } = parseTemplate(body);
  const reported = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'variable' || isTemplateVariable(token.name) || reported.has(token.name)) continue;
    reported.add(token.name);
    problems.push({ field: 'body', message: unknownVariableMessage(token.name) });
  }
  for (const problem of syntax) problems.push({ field: 'body', message: syntaxMessage(body, problem) });
  return problems;
}

/** Everything wrong with a template, each with its field; empty when it can be saved. */
export function templateProblems(template: { title: string; body: string }): TemplateProblem[] {
  return [...titleProblems(template.title), ...bodyProblems(template.body)];
}

/** Everything wrong with a template, as sentences for the editor; empty when it can be saved. */
export function validateTemplate(template: { title: string; body: string }): string[] {
  return templateProblems(template).map((p) => p.message);
}
