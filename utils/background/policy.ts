/**
 * Reads the organisation's policy from managed storage without ever blocking start-up: the last
 * value is cached in storage.local and used first; managed storage is read in the background and
 * again when it changes. Unmanaged Firefox throws ("Managed storage manifest not found"): no policy.
 * Chrome may answer `{}` before its policy has loaded (and not fire onChanged for it), so an empty
 * answer is checked once more, a few seconds later, before a cached policy is cleared.
 */
import { browser } from 'wxt/browser';
import { equalValues, parsePolicy, type Policy } from '@/utils/store/policy';

export const POLICY_CACHE_KEY = 'managedPolicy';

export interface PolicySource {
  /** The cached policy (or the fresh one once read); resolves as soon as the cache is read. */
  get(): Promise<Policy | null>;
  /** Reads managed storage; calls onChange when the policy differs from the one in use. */
  refresh(): Promise<void>;
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

export function createPolicySource(onChange: (policy: Policy | null) => void, retryDelayMs = 3_000): PolicySource {
  let current: Policy | null = null;
  const cached = (async () => {
    try {
      const stored = await browser.storage.local.get(POLICY_CACHE_KEY);
      const parsed = parsePolicy(stored[POLICY_CACHE_KEY]);
      current = parsed.ok ? parsed.policy : null;
    } catch (error) {
      console.warn('Async Etiquette: could not read the cached policy', error);
    }
  })();

  async function apply(next: Policy | null): Promise<void> {
    await cached;
    if (equalValues(next, current)) return;
    current = next;
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: next ?? {} });
    onChange(next);
  }

  async function refresh(retried = false): Promise<void> {
    const raw = await readManaged();
    const parsed = parsePolicy(raw);
    if (!parsed.ok) {
      // An invalid policy is ignored (the cache keeps the last good one) and never breaks start-up.
      console.warn(`Async Etiquette: ${parsed.error}`);
      return;
    }
    await cached;
    // Chrome may answer {} before its policy has loaded and fire no onChanged for that load: ask once more.
    if (parsed.policy === null && !retried) {
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      return refresh(true);
    }
    await apply(parsed.policy);
  }

  return {
    async get() {
      await cached;
      return current;
    },
    refresh: () => refresh(),
  };
}
