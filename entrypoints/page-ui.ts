import { defineUnlistedScript } from '#imports';
import { registerPageUi } from '@/utils/guard/lazy-ui';
import { createPageUi } from '@/utils/guard/page-ui';

/**
 * The in-page UI chunk (dialog, note, template picker, Preact), imported by the content scripts when
 * first needed (utils/guard/lazy-ui.ts). It only registers its factory with the script that imported it.
 */
export default defineUnlistedScript(() => {
  registerPageUi(createPageUi);
});
