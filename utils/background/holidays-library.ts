/**
 * Loads the date-holidays library from its own file (entrypoints/holidays-lib.ts → /holidays-lib.js).
 * A service worker cannot `import()`, and `importScripts()` works after the start only for a script
 * it imported while installing; so Chrome's worker imports it once at install (listenForInstall) and
 * again, from that installed copy, when dates are needed. Firefox's background is a page: a script tag.
 */
import { browser } from 'wxt/browser';
import type { HolidaysConstructor } from '@/utils/holidays/compute';

export const HOLIDAY_LIBRARY_FILE = '/holidays-lib.js';
const GLOBAL_NAME = 'asyncEtiquetteHolidays';

type WithLibrary = typeof globalThis & { [GLOBAL_NAME]?: HolidaysConstructor; importScripts?: (...urls: string[]) => void };

function scriptTag(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}

export async function loadHolidayLibrary(): Promise<HolidaysConstructor> {
  const scope = globalThis as WithLibrary;
  if (!scope[GLOBAL_NAME]) {
    if (typeof scope.importScripts === 'function') scope.importScripts(HOLIDAY_LIBRARY_FILE);
    else await scriptTag(browser.runtime.getURL(HOLIDAY_LIBRARY_FILE as '/holidays-lib.js'));
  }
  const library = scope[GLOBAL_NAME];
  if (!library) throw new Error('the holidays library did not load');
  return library;
}

/** Chrome: the install event is the one moment a service worker may import a script it uses later. */
export function listenForInstall(): void {
  const scope = globalThis as WithLibrary;
  if (typeof scope.importScripts !== 'function' || typeof scope.addEventListener !== 'function') return;
  scope.addEventListener('install', () => {
    try {
      scope.importScripts!(HOLIDAY_LIBRARY_FILE);
    } catch (error) {
      console.warn('Async Etiquette: could not install the holidays library', error);
    }
  });
}

/** For the library's own file: makes the constructor reachable by the loader above. */
export function exposeHolidayLibrary(library: HolidaysConstructor): void {
  (globalThis as WithLibrary)[GLOBAL_NAME] = library;
}
