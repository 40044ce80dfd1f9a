import { createRoot } from 'react-dom/client';
import '@/components/page.css';
import { ensureMessages, messageLanguage } from '@/utils/i18n';
import { prefetchTeamClock, teamPrefetchArrived } from '@/utils/ui/team-prefetch';
import { readStoredSummary } from '@/utils/ui/use-popup-summary';
import { App } from './App';

/** How long the first render waits for the team clock's answer at most (ms). */
const TEAM_WAIT_MS = 30;

// Asked before anything renders, so the worker answers while the page draws (bench (g)).
prefetchTeamClock();

// Messages first: Chromium can hand a page an empty table (utils/i18n, ensureMessages). The stored
// summary is read meanwhile, so the first frame shows the person's state rather than "Loading…", and
// the team clock's answer is given a moment (an awake worker answers within it; a sleeping one does not
// hold the popup back) so its rows are in that frame too.
void Promise.all([ensureMessages(), readStoredSummary(), teamPrefetchArrived(TEAM_WAIT_MS)]).then(([, stored]) => {
  // Screen readers pick their voice from the page's language: the text's, not the HTML file's "en".
  document.documentElement.lang = messageLanguage();
  createRoot(document.getElementById('root')!).render(<App stored={stored} />);
});
