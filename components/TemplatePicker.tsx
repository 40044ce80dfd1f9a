import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/utils/i18n';
import { useAnchoredPopover } from '@/utils/ui/anchored-popover';

export interface TemplateItem {
  id: string;
  title: string;
  /** The template shows a deadline: the picker asks for one before inserting. */
  needsDeadline?: boolean;
}

interface Props {
  templates: TemplateItem[];
  /** `deadline` is the picked local date-time ("2026-12-01T17:00") in `deadlineZone`. */
  onChoose: (id: string, deadline?: string) => void;
  deadlineZone: string;
  defaultDeadline: string;
  /**
   * Receives an `open()` that opens the list with the first template active (the keyboard command);
   * `open(templateId)` chooses that template as a click would (a template's own shortcut); `item` stands
   * in for a template the list does not show (a built-in the dialog offers as a fix).
   */
  register?: (open: (templateId?: string, item?: TemplateItem) => void) => void;
}

/** The `Insert context template` button and its listbox of template titles (contract §3). */
export function TemplatePicker({ templates, onChoose, deadlineZone, defaultDeadline, register }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [asking, setAsking] = useState<TemplateItem | null>(null);
  const [deadline, setDeadline] = useState(defaultDeadline);
  const button = useRef<HTMLButtonElement>(null);
  const liftList = useAnchoredPopover<HTMLUListElement>(button);
  const liftForm = useAnchoredPopover<HTMLFormElement>(button);
  // The latest templates: a shortcut edited in the options page works without a reload.
  const chooseById = useRef((_templateId: string, _item?: TemplateItem) => {});
  chooseById.current = (templateId, item) => chooseItem(templates.find((each) => each.id === templateId) ?? (item?.id === templateId ? item : undefined));
  // Registered with the render itself, so a shortcut pressed right after a composer appears finds it.
  useLayoutEffect(() => {
    register?.((templateId, item) => {
      if (templateId) return chooseById.current(templateId, item);
      setActive(0);
      setAsking(null);
      setOpen(true);
    });
  }, [register]);

  function close() {
    setOpen(false);
    setAsking(null);
  }

  function choose(index: number) {
    chooseItem(templates[index]);
  }

  function chooseItem(item: TemplateItem | undefined) {
    if (!item) return;
    if (item.needsDeadline) {
      setDeadline(defaultDeadline);
      setAsking(item);
      setOpen(false);
      return;
    }
    close();
    onChoose(item.id);
  }

  function onListKey(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === 'ArrowDown') setActive((a) => (a + 1) % templates.length);
    else if (event.key === 'ArrowUp') setActive((a) => (a - 1 + templates.length) % templates.length);
    else if (event.key === 'Enter' || event.key === ' ') choose(active);
    else if (event.key === 'Escape') {
      close();
      button.current?.focus();
    } else return;
    event.preventDefault();
  }

  return (
    <div className="ae-templates" onKeyDown={(e) => e.stopPropagation()}>
      <button
        ref={button}
        type="button"
        className="ae-template-button"
        aria-label={t('page.templates.insert')}
        title={t('page.templates.insert')}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        // Keep the caret in the composer: a mousedown here would otherwise take focus from it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          setActive(0);
          setAsking(null);
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setActive(0);
            setAsking(null);
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">{t('page.templates.button')}</span>
      </button>
      {open && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={t('page.templates.list')}
          tabIndex={-1}
          className="ae-template-list"
          aria-activedescendant={`${id}-opt-${active}`}
          onKeyDown={onListKey}
          ref={liftList}
        >
          {templates.length === 0 && <li role="presentation">{t('page.templates.none')}</li>}
          {templates.map((item, i) => (
            <li
              key={item.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'ae-active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {item.title}
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <form
          className="ae-template-list ae-deadline"
          ref={(el) => liftForm(el, el?.querySelector('input'))}
          aria-label={t('page.templates.deadlineFor', { title: asking.title })}
          onSubmit={(e) => {
            e.preventDefault();
            close();
            onChoose(asking.id, deadline);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <label htmlFor={`${id}-deadline`}>{t('page.templates.deadline', { zone: deadlineZone })}</label>
          <input
            id={`${id}-deadline`}
            type="datetime-local"
            value={deadline}
            required
            onChange={(e) => setDeadline(e.currentTarget.value)}
          />
          <button type="submit">{t('page.templates.insertButton')}</button>
          <button type="button" onClick={close}>
            {t('page.templates.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
