import { createRoot } from 'react-dom/client';
import '@/components/page.css';
import { ensureMessages, messageLanguage, t } from '@/utils/i18n';
import { App } from './App';

// Messages first: Chromium can hand a page an empty table (utils/i18n, ensureMessages).
void ensureMessages().then(() => {
  // A page title cannot use __MSG_…__: the HTML keeps the English one for the moment before this runs.
  document.title = t('options.title');
  // Screen readers pronounce the page in the language its text is in.
  document.documentElement.lang = messageLanguage();
  createRoot(document.getElementById('root')!).render(<App />);
});
