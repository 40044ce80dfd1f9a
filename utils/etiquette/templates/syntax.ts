/**
 * Template body syntax: `{variable}` inserts a value; `{{` and `}}` are literal braces.
 * A variable name runs to the next `}` on the same line; a `{` with no `}` before the next `{`,
 * the end of the line or the end of the body is unbalanced (and is kept as literal text).
 */
import { isTemplateVariable } from './variables';

export type TemplateToken = { kind: 'text'; text: string } | { kind: 'variable'; name: string; index: number };

export type SyntaxProblem =
  /** A `{` that is never closed. */
  | { kind: 'unclosed'; index: number }
  /** A `}` with no `{` before it. */
  | { kind: 'unopened'; index: number }
  /** `{}` or `{  }`. */
  | { kind: 'empty'; index: number }
  /** `{{deadline}}`: literal text that looks like a variable (a Mustache habit). */
  | { kind: 'escaped'; name: string; index: number };

export interface ParsedTemplate {
  tokens: TemplateToken[];
  problems: SyntaxProblem[];
}

function closingBrace(body: string, from: number): number {
  for (let j = from; j < body.length; j++) {
    const c = body[j];
    if (c === '}') return j;
    if (c === '{' || c === '\n') return -1;
  }
  return -1;
}

const ESCAPED_VARIABLE = /^\{\{([a-z_]{1,40})\}\}/;

export function parseTemplate(body: string): ParsedTemplate {
  const tokens: TemplateToken[] = [];
  const problems: SyntaxProblem[] = [];
  let text = '';
  const flush = (): void => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i] ?? '';
    const next = body[i + 1];
    if (c === '{' && next === '{') {
      const escaped = ESCAPED_VARIABLE.exec(body.slice(i, i + 46));
      if (escaped?.[1] && isTemplateVariable(escaped[1])) problems.push({ kind: 'escaped', name: escaped[1], index: i });
      text += '{';
      i += 2;
    } else if (c === '}' && next === '}') {
      text += '}';
      i += 2;
    } else if (c === '{') {
      const end = closingBrace(body, i + 1);
      if (end === -1) {
        problems.push({ kind: 'unclosed', index: i });
        text += c;
        i += 1;
        continue;
      }
      const name = body.slice(i + 1, end);
      if (name.trim() === '') {
        problems.push({ kind: 'empty', index: i });
        text += body.slice(i, end + 1);
      } else {
        flush();
        tokens.push({ kind: 'variable', name, index: i });
      }
      i = end + 1;
    } else if (c === '}') {
      problems.push({ kind: 'unopened', index: i });
      text += c;
      i += 1;
    } else {
      text += c;
      i += 1;
    }
  }
  flush();
  return { tokens, problems };
}

/** 1-based line and column of a string index. */
export function positionOf(body: string, index: number): { line: number; column: number } {
  const before = body.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}
