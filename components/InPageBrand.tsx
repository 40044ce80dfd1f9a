import { useId, useState, type ReactNode } from 'react';
import { t } from '@/utils/i18n';

/** Our mark, so nobody takes our card for the site's (issue 20). Decorative: the name beside it says it. */
export function BrandMark() {
  return (
    <span className="ae-brand">
      <svg className="ae-brand-mark" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="#0b57d0" />
        <path d="M8 4v4.5l3 1.8" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" />
      </svg>
      {t('extName')}
    </span>
  );
}

interface WhyProps {
  site: string;
  onOpenSettings: () => void;
}

/** "Why am I seeing this?": a button that shows one line saying why, with a way to the settings. */
export function useWhy({ site, onOpenSettings }: WhyProps): { toggle: ReactNode; line: ReactNode } {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = (
    <button type="button" className="ae-link ae-why-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
      {t('page.hold.why')}
    </button>
  );
  const line = open ? (
    <p id={id} className="ae-why">
      {t('page.hold.whyText', { site })}{' '}
      <button type="button" className="ae-link" onClick={onOpenSettings}>
        {t('page.hold.settings')}
      </button>
    </p>
  ) : null;
  return { toggle, line };
}
