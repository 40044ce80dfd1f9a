import type { InPageChrome } from './HoldDialog';
import { BrandMark, useWhy } from './InPageBrand';
import { InPageMenu } from './InPageMenu';

interface Props {
  text: string | null;
  /** Brand, "Why am I seeing this?" and the ⋯ menu (issue 20); absent: the bare line. */
  chrome?: InPageChrome;
}

const NO_SETTINGS = () => {};

/** The nudge-mode note (contract §3: role status near the composer). Empty when all is well. */
export function StatusNote({ text, chrome }: Props) {
  const why = useWhy({ site: chrome?.site ?? '', onOpenSettings: chrome?.openSettings ?? NO_SETTINGS });
  return (
    <div className={text ? 'ae-note-card' : 'ae-note-card ae-empty'}>
      {text && chrome && (
        <div className="ae-note-tools">
          <BrandMark />
          {why.toggle}
          {chrome.menu.length > 0 && <InPageMenu items={chrome.menu} />}
        </div>
      )}
      <div className={text ? 'ae-note' : 'ae-note ae-empty'} role="status" aria-live="polite">
        {text}
      </div>
      {text && why.line}
    </div>
  );
}
