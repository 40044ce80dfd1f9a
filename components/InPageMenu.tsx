import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/utils/i18n';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
}

interface Props {
  items: MenuItem[];
}

/**
 * The "⋯" menu of our in-page surfaces (issue 20): a menu button (WAI-ARIA menu button pattern).
 * Arrow keys, Home and End move, Enter or Space chooses, Escape and Tab close; focus returns to the button.
 */
export function InPageMenu({ items }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const entries = () => [...(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
  const focusItem = (index: number) => {
    const all = entries();
    all[(index + all.length) % all.length]?.focus();
  };
  const openAt = (index: number) => {
    setOpen(true);
    // The list renders in this same update; focus it once it is there.
    queueMicrotask(() => requestAnimationFrame(() => focusItem(index)));
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      openAt(event.key === 'ArrowDown' ? 0 : -1);
    }
  }

  function onMenuKey(event: KeyboardEvent<HTMLUListElement>) {
    const all = entries();
    const index = all.indexOf((list.current?.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      event.stopPropagation();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      // Closes the menu only, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      all[index]?.click();
    }
  }

  return (
    <div className="ae-menu">
      <button
        ref={button}
        type="button"
        className="ae-menu-button"
        aria-label={t('page.menu.button')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(true) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        ⋯
      </button>
      {open && (
        <ul
          ref={list}
          id={menuId}
          role="menu"
          aria-label={t('page.menu.label')}
          className="ae-menu-list"
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            if (!list.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button.current) setOpen(false);
          }}
        >
          {items.map((item) => (
            <li
              key={item.id}
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
