/** Rendering and checking template bodies. Plain text in, plain text out: nothing here produces HTML. */
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
 * Fills in the variables. Unknown values show a visible placeholder and are listed in `missing`;
 * an unknown variable name (which validateTemplate refuses) and unbalanced braces stay as typed.
 */
export function renderTemplate(body: string, context: TemplateContext): RenderedTemplate {
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
      text += TEMPLATE_VARIABLE_INFO[name].placeholder;
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
  return `line ${line}, column ${column}`;
}

function syntaxMessage(body: string, p: SyntaxProblem): string {
  switch (p.kind) {
    case 'unclosed':
      return `Unbalanced braces: the "{" at ${where(body, p.index)} is never closed. Write {{ for a literal "{".`;
    case 'unopened':
      return `Unbalanced braces: the "}" at ${where(body, p.index)} has no "{" before it. Write }} for a literal "}".`;
    case 'empty':
      return `Empty variable {} at ${where(body, p.index)}: put a variable name between the braces, or write {{}} for literal braces.`;
    case 'escaped':
      return `{{${p.name}}} at ${where(body, p.index)} inserts the literal text "{${p.name}}"; write {${p.name}} to insert the value.`;
  }
}

function unknownVariableMessage(name: string): string {
  const suggestion = suggestVariable(name);
  return suggestion
    ? `Unknown variable {${name}}: did you mean {${suggestion}}?`
    : `Unknown variable {${name}}. Variables: ${Object.keys(TEMPLATE_VARIABLE_INFO)
        .map((v) => `{${v}}`)
        .join(', ')}.`;
}

/** Everything wrong with a template, as sentences for the editor; empty when it can be saved. */
export function validateTemplate(template: { title: string; body: string }): string[] {
  const errors: string[] = [];
  const title = template.title.trim();
  if (title === '') errors.push('Title must not be empty.');
  else if (title.length > TEMPLATE_TITLE_MAX)
    errors.push(`Title is too long: ${title.length} characters, at most ${TEMPLATE_TITLE_MAX}.`);

  const { body } = template;
  if (body.trim() === '') errors.push('Body must not be empty.');
  else if (body.length > TEMPLATE_BODY_MAX)
    errors.push(`Body is too long: ${body.length} characters, at most ${TEMPLATE_BODY_MAX}.`);

  const { tokens, problems } = parseTemplate(body);
  const reported = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'variable' || isTemplateVariable(token.name) || reported.has(token.name)) continue;
    reported.add(token.name);
    errors.push(unknownVariableMessage(token.name));
  }
  for (const problem of problems) errors.push(syntaxMessage(body, problem));
  return errors;
}
