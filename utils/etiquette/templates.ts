/**
 * Context templates (issue 7, pure parts): the built-ins in email and chat flavours, the variable
 * syntax, rendering and validation.
 *
 * Syntax: `{variable}` with one pair of braces and a lower-case snake_case name; `{{` and `}}` are
 * literal braces. Variables: {recipient_names} {their_time} {their_next_start} {my_time}
 * {my_next_start} {my_zone} {deadline}. An unknown value renders as a visible placeholder
 * ("[deadline]", in the UI language) and is listed in `missing`. Each template may have a keyboard
 * shortcut (./templates/shortcuts).
 */
export {
  BUILT_IN_TEMPLATES,
  BUILT_IN_TEMPLATE_IDS,
  builtInTemplate,
  builtInTemplates,
  displayTitle,
  flavourForSite,
  isBuiltInTemplateId,
  isUneditedBuiltIn,
  localizedBuiltIn,
  templateForFlavour,
  type BuiltInTemplate,
  type BuiltInTemplateId,
  type TemplateFlavour,
} from './templates/builtins';
export {
  TEMPLATE_BODY_MAX,
  TEMPLATE_TITLE_MAX,
  renderTemplate,
  templateNeedsDeadline,
  templateProblems,
  templateVariables,
  validateTemplate,
  type RenderedTemplate,
  type TemplateField,
  type TemplateProblem,
} from './templates/render';
export {
  displayShortcut,
  findShortcutClash,
  shortcutClashMessage,
  shortcutOfPress,
  shortcutProblem,
  shortcutProblemMessage,
  templateForPress,
  type KeyPress,
  type ShortcutClash,
  type ShortcutProblem,
} from './templates/shortcuts';
export { listNames, type TemplateContext, type TemplateRecipient } from './templates/values';
export {
  TEMPLATE_VARIABLES,
  TEMPLATE_VARIABLE_INFO,
  type TemplateVariable,
  type TemplateVariableInfo,
} from './templates/variables';
