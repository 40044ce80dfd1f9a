/**
 * The template variables: `{name}` in a body, one pair of single braces, lower-case snake_case.
 * `{{` and `}}` write a literal brace. Every variable has a visible placeholder for when its value
 * is unknown, so a rendered template never says "undefined", "NaN" or "Invalid DateTime".
 * Variable names are syntax and stay English in every language; their help texts are translated.
 */
import { t } from '../../i18n';

export const TEMPLATE_VARIABLES = [
  'recipient_names',
  'their_time',
  'their_next_start',
  'my_time',
  'my_next_start',
  'my_zone',
  'deadline',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateVariableInfo {
  readonly name: TemplateVariable;
  /** One line for the template editor's help. */
  readonly description: string;
  /** An example value. */
  readonly example: string;
  /** Shown instead of the value when it is unknown: in brackets, in the UI language ("[deadline]", "[Frist]"). */
  readonly placeholder: string;
  /** Written into a message instead, when the value is unknown there (no recipient yet): plain words, never brackets. */
  readonly phrase: string;
}

interface VariableTexts {
  description: () => string;
  example: () => string;
  placeholder: () => string;
  phrase: () => string;
}

/** Literal keys per variable (the key test scans for them); read when asked, so they follow the UI language. */
const TEXTS: Readonly<Record<TemplateVariable, VariableTexts>> = {
  recipient_names: {
    description: () => t('templates.variables.recipientNames.description'),
    example: () => t('templates.variables.recipientNames.example'),
    placeholder: () => t('templates.variables.recipientNames.placeholder'),
    phrase: () => t('templates.variables.recipientNames.unknown'),
  },
  their_time: {
    description: () => t('templates.variables.theirTime.description'),
    example: () => t('templates.variables.theirTime.example'),
    placeholder: () => t('templates.variables.theirTime.placeholder'),
    phrase: () => t('templates.variables.theirTime.unknown'),
  },
  their_next_start: {
    description: () => t('templates.variables.theirNextStart.description'),
    example: () => t('templates.variables.theirNextStart.example'),
    placeholder: () => t('templates.variables.theirNextStart.placeholder'),
    phrase: () => t('templates.variables.theirNextStart.unknown'),
  },
  my_time: {
    description: () => t('templates.variables.myTime.description'),
    example: () => t('templates.variables.myTime.example'),
    placeholder: () => t('templates.variables.myTime.placeholder'),
    phrase: () => t('templates.variables.myTime.unknown'),
  },
  my_next_start: {
    description: () => t('templates.variables.myNextStart.description'),
    example: () => t('templates.variables.myNextStart.example'),
    placeholder: () => t('templates.variables.myNextStart.placeholder'),
    phrase: () => t('templates.variables.myNextStart.unknown'),
  },
  my_zone: {
    description: () => t('templates.variables.myZone.description'),
    example: () => t('templates.variables.myZone.example'),
    placeholder: () => t('templates.variables.myZone.placeholder'),
    phrase: () => t('templates.variables.myZone.unknown'),
  },
  deadline: {
    description: () => t('templates.variables.deadline.description'),
    example: () => t('templates.variables.deadline.example'),
    placeholder: () => t('templates.variables.deadline.placeholder'),
    phrase: () => t('templates.variables.deadline.unknown'),
  },
};

/** A placeholder is never empty, even where the messages cannot be read (a torn-down page script). */
function bracketed(text: string, name: TemplateVariable): string {
  return text || `[${name.replace(/_/g, ' ')}]`;
}

function info(name: TemplateVariable): TemplateVariableInfo {
  const texts = TEXTS[name];
  return {
    name,
    get description() {
      return texts.description();
    },
    get example() {
      return texts.example();
    },
    get placeholder() {
      return bracketed(texts.placeholder(), name);
    },
    get phrase() {
      return texts.phrase() || name.replace(/_/g, ' ');
    },
  };
}

export const TEMPLATE_VARIABLE_INFO: Readonly<Record<TemplateVariable, TemplateVariableInfo>> = Object.freeze(
  Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, info(name)])) as Record<TemplateVariable, TemplateVariableInfo>,
);

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

export function isTemplateVariable(name: string): name is TemplateVariable {
  return KNOWN.has(name);
}

/** Names people plausibly type for a variable, normalised (lower case, separators as "_"). */
const ALIASES: Readonly<Record<string, TemplateVariable>> = {
  name: 'recipient_names',
  names: 'recipient_names',
  first_name: 'recipient_names',
  first_names: 'recipient_names',
  recipient: 'recipient_names',
  recipients: 'recipient_names',
  recipient_name: 'recipient_names',
  their_name: 'recipient_names',
  their_names: 'recipient_names',
  date: 'deadline',
  due: 'deadline',
  due_date: 'deadline',
  by: 'deadline',
  their_local_time: 'their_time',
  their_zone: 'their_time',
  their_start: 'their_next_start',
  their_next_working_start: 'their_next_start',
  my_start: 'my_next_start',
  my_next_working_start: 'my_next_start',
  back: 'my_next_start',
  time_zone: 'my_zone',
  timezone: 'my_zone',
  zone: 'my_zone',
  my_timezone: 'my_zone',
  my_time_zone: 'my_zone',
  time: 'my_time',
  now: 'my_time',
  my_local_time: 'my_time',
};

function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The variable someone most likely meant by an unknown name, or null when nothing is close. */
export function suggestVariable(name: string): TemplateVariable | null {
  const key = normalise(name);
  if (isTemplateVariable(key)) return key;
  const alias = ALIASES[key];
  if (alias) return alias;
  let best: TemplateVariable | null = null;
  let bestDistance = Infinity;
  for (const candidate of TEMPLATE_VARIABLES) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Two edits, or three for the long names: typos, not different words.
  const allowed = key.length >= 10 ? 3 : 2;
  return bestDistance <= allowed ? best : null;
}
