import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PopupSummary } from '@/utils/messaging';
import { POPUP_SUMMARY_KEY, readPopupSummary } from '@/utils/store/popup-summary';
import { errorText, requests } from './requests';

/** Marks the e2e reads: first paint with data (usually the stored copy), and the worker's fresh answer. */
export const READY_MARK = 'ae-popup-ready';
export const FRESH_MARK = 'ae-popup-fresh';

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** The worker's stored copy (null: none, or not this version's shape). Read as the popup's script starts. */
export function readStoredSummary(): Promise<PopupSummary | null> {
  return browser.storage.local.get(POPUP_SUMMARY_KEY).then(
    (stored) => readPopupSummary(stored[POPUP_SUMMARY_KEY]),
    () => null,
  );
}

/**
 * The popup's data, small by design (no contacts directory, no event log). It paints from the copy the
 * worker keeps in storage.local, so a sleeping worker does not delay the popup; asks the worker for a
 * fresh one at once and each minute; and follows every change the worker stores (a change made in
 * options, another popup or a content script, or a recorded event).
 *
 * `stored`: the copy main.tsx read before the first render (null: none), so the first frame already
 * has the person's data; undefined: read it here.
 */
export function usePopupSummary(stored?: PopupSummary | null, refreshMs = 60_000) {
  const [summary, setSummary] = useState<PopupSummary | null>(stored ?? null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const fresh = useRef(false);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await requests.popupSummary();
      // An older answer arriving late must not replace a newer one.
      if (ticket === latest.current) {
        fresh.current = true;
        setSummary(next);
        setError(null);
        markOnce(FRESH_MARK);
      }
    } catch (e) {
      if (ticket === latest.current) setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    let live = true;
    const copy = stored === undefined ? readStoredSummary() : Promise.resolve(stored);
    void copy.then((cached) => {
      if (!live) return;
      if (!cached || fresh.current) return void refresh();
      setSummary((current) => current ?? cached);
      // Ask the worker once the stored copy is painted: waking it (a few hundred ms of CPU when it was
      // asleep) must not compete with the popup's first frame.
      requestAnimationFrame(() => setTimeout(() => live && void refresh(), 0));
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(POPUP_SUMMARY_KEY in changes)) return;
      const next = readPopupSummary(changes[POPUP_SUMMARY_KEY]?.newValue);
      if (next) {
        // Written by the worker just now: as fresh as its answer to a message.
        fresh.current = true;
        setSummary(next);
        markOnce(FRESH_MARK);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, [refresh, refreshMs, stored]);

  useEffect(() => {
    if (summary) markOnce(READY_MARK);
  }, [summary]);

  return { summary, setSummary, error, refresh };
}
