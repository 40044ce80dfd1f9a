import { useState } from 'react';
import { t } from '@/utils/i18n';
import type { SiteHealthProblem } from '@/utils/store/site-health';

/** Literal keys, one call per text: the key test scans the source for them. */
const TEXTS: Record<SiteHealthProblem, () => string> = {
  'no-send': () => t('health.note.noSend'),
  recipients: () => t('health.note.recipients'),
  schedule: () => t('health.note.schedule'),
};

interface Props {
  problem: SiteHealthProblem;
  onDismiss: () => void;
}

/** Site health in the page (issue 16): what is not checked here and why, once per page, dismissible. */
export function HealthNote({ problem, onDismiss }: Props) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <aside className="ae-health" role="note" aria-label={t('health.note.label')}>
      <span>{TEXTS[problem]()}</span>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          onDismiss();
        }}
      >
        {t('health.note.dismiss')}
      </button>
    </aside>
  );
}
