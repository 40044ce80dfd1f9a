import { createRoot } from 'react-dom/client';
import '@/components/page.css';
import { ensureMessages, messageLanguage } from '@/utils/i18n';
import { App } from './App';

// Messages first: Chromium can hand a page an empty table (utils/i18n, ensureMessages).
void ensureMessages().then(() => {
  // Screen readers pick their voice from the page's language: the text's, not the HTML file's "en".
  document.documentElement.lang = messageLanguage();
  createRoot(document.getElementById('root')!).render(<App />);
});
