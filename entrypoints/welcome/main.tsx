import { createRoot } from 'react-dom/client';
import '@/components/page.css';
import { messageLanguage, t } from '@/utils/i18n';
import { App } from './App';

// A page title cannot use __MSG_…__: the HTML keeps the English one for the moment before this runs.
document.title = t('firstRun.title');
// Screen readers pronounce the page in the language its text is in.
document.documentElement.lang = messageLanguage();

createRoot(document.getElementById('root')!).render(<App />);
