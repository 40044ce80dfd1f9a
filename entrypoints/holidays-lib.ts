/**
 * The date-holidays library on its own, loaded by the worker only when holiday dates are needed
 * (utils/background/holidays-library.ts): kept out of the worker's start and out of content scripts.
 */
import { defineUnlistedScript } from '#imports';
import Holidays from 'date-holidays';
import { exposeHolidayLibrary } from '@/utils/background/holidays-library';

export default defineUnlistedScript(() => {
  exposeHolidayLibrary(Holidays);
});
