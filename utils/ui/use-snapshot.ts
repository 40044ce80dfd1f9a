import { useEffect, useState } from 'react';
import { watchSnapshot } from '@/utils/guard/snapshot-client';
import type { Snapshot } from '@/utils/store/snapshot';

/** The live settings for extension pages: a change made anywhere re-renders without a reload. */
export function useSnapshot(): Snapshot | null {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    watchSnapshot(controller.signal, setSnapshot);
    return () => controller.abort();
  }, []);
  return snapshot;
}

/** Re-renders every `ms` so clocks stay current. */
export function useNow(ms = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
