/**
 * The template variables: `{name}` in a body, one pair of single braces, lower-case snake_case.
 * `{{` and `}}` write a literal brace. Every variable has a visible placeholder for when its value
 * is unknown, so a rendered template never says "undefined", "NaN" or "Invalid DateTime".
 */

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
  name: TemplateVariable;
  /** One line for the template editor's help. */
  description: string;
  /** An example value. */
  example: string;
  /** Shown instead of the value when it is unknown. */
  placeholder: string;
}

export const TEMPLATE_VARIABLE_INFO: Readonly<Record<TemplateVariable, TemplateVariableInfo>> = {
  recipient_names: {
    name: 'recipient_names',
    description: "Recipients' first names",
    example: 'Priya, Ana and Bob',
    placeholder: '[name]',
  },
  their_time: {
    name: 'their_time',
    description: "Each recipient's local time now, by time zone",
    example: '23:40 in Asia/Kolkata',
    placeholder: '[their time]',
  },
  their_next_start: {
    name: 'their_next_start',
    description: "When each recipient's next working period starts, in their time",
    example: 'Tue 09:00 in Asia/Kolkata',
    placeholder: '[their next working start]',
  },
  my_time: {
    name: 'my_time',
    description: 'Your local time now',
    example: '19:10 in Europe/Berlin',
    placeholder: '[my time]',
  },
  my_next_start: {
    name: 'my_next_start',
    description: 'When your next working period starts, in your time',
    example: 'Tue 09:00 in Europe/Berlin',
    placeholder: '[my next working start]',
  },
  my_zone: {
    name: 'my_zone',
    description: 'Your time zone',
    example: 'Europe/Berlin',
    placeholder: '[my time zone]',
  },
  deadline: {
    name: 'deadline',
    description: 'The deadline picked when inserting, in your time and each recipient’s',
    example: 'Thu 5 Mar 17:00 in Europe/Berlin (Fri 6 Mar 01:00 for Priya in Asia/Tokyo)',
    placeholder: '[deadline]',
  },
};

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
