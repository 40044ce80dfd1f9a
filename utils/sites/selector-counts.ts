/**
 * How many elements each site selector finds in the script-built replicas of the sites
 * (tests/fixtures/<site>/*.html), in the manner of Refined GitHub's selector tests: a selector that
 * stops matching what the replica draws, or starts matching more, fails a test instead of quietly
 * degrading to the site's own behaviour.
 *
 * TEST DATA ONLY. Nothing in the extension imports this file or the per-site `selector-counts.ts`
 * files (tests/unit/selector-counts.test.ts checks that); tests/unit/setup/replicas.ts opens and
 * drives each named replica state.
 */

/** Gmail's recipient fields, for selectors whose css has a `${type}` (see forType in ./gmail/selectors). */
export type RecipientType = 'to' | 'cc' | 'bcc';

export interface SelectorExpectation<State extends string = string> {
  /** A named replica state (tests/unit/setup/replicas.ts). */
  readonly state: State;
  /**
   * How many elements the selector finds there as the adapter looks it up with `queryAll`: the first
   * css alternative that matches anything, counted in the whole document.
   */
  readonly count: number;
  /** For a selector with `${type}` in its css: the field it is filled with (forType). */
  readonly type?: RecipientType;
}

/** `{ compose: 1, inbox: 0 }` → one expectation per state, in that order (an unknown state name does not compile). */
export function countsIn<State extends string>(byState: Partial<Record<State, number>>, type?: RecipientType): SelectorExpectation<State>[] {
  return (Object.entries(byState) as Array<[State, number]>).map(([state, count]) => (type ? { state, count, type } : { state, count }));
}

/**
 * A css alternative that no replica state draws, kept on purpose (a fallback for a form of the site the
 * replica does not reproduce). Listing it here is what makes a dead fallback visible: the test fails on
 * an alternative that matches nowhere and is not listed, and on a listed one that starts to match.
 */
export interface UndrawnAlternative<Key extends string> {
  readonly selector: Key;
  readonly css: string;
  readonly why: string;
}
