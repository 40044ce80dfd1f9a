import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { messageLanguage, t } from '@/utils/i18n';
import { clockIn, matchedName, runtimeZones, searchZones, zoneEntries, type ZoneEntry } from '@/utils/ui/zones';

interface Props {
  /** The visible label; also the accessible name of the field. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter on a typed value (no option active): e.g. save. */
  onCommit?: (value: string) => void;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  disabled?: boolean;
}

let cachedEntries: ZoneEntry[] | null = null;
/** Built once per page, on first open: ~420 zones with their current offsets, cities and countries (also in the UI language). */
function entries(): ZoneEntry[] {
  cachedEntries ??= zoneEntries(Date.now(), runtimeZones(), [messageLanguage()]);
  return cachedEntries;
}

/**
 * An editable combobox over the IANA list (ARIA 1.2 pattern): type a city, a country, an abbreviation, a zone or an offset,
 * arrow through the matches, Enter picks one, Escape closes the list. Only the visible matches render.
 */
export function ZoneCombobox({ label, value, onChange, onCommit, id, invalid, describedBy, placeholder, disabled }: Props) {
  const auto = useId();
  const inputId = id ?? `${auto}-zone`;
  const listId = `${inputId}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => (open ? searchZones(entries(), query ?? '', 40) : []), [open, query]);
  const now = Date.now();

  function choose(entry: ZoneEntry) {
    onChange(entry.id);
    setQuery(null);
    setOpen(false);
    setActive(-1);
    onCommit?.(entry.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length ? (a + step + matches.length) % matches.length : -1));
    } else if (event.key === 'Enter') {
      const entry = open && active >= 0 ? matches[active] : undefined;
      event.preventDefault();
      if (entry) choose(entry);
      else {
        setOpen(false);
        onCommit?.(value);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="combo">
      <label htmlFor={inputId}>{label}</label>
      <div className="combo-box">
        <input
          ref={input}
          id={inputId}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder ?? t('zone.placeholder')}
          value={value}
          disabled={disabled}
          onChange={(e) => {
            const text = e.currentTarget.value;
            onChange(text);
            setQuery(text);
            // A full zone name (typed or pasted) needs no list: it would only cover what comes next.
            setOpen(!entries().some((entry) => entry.id === text.trim()));
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={t('zone.matches')} className="combo-list" hidden={!open || matches.length === 0}>
          {matches.map((entry, i) => (
            <li
              key={entry.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Keep focus in the field so the choice does not blur it first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(entry)}
            >
              <span className="combo-main">{entry.id}</span>{' '}
              <Because name={matchedName(entry, query ?? '')} />
              <span className="combo-meta">
                {entry.offsetLabel} · {clockIn(entry.id, now)}
              </span>
            </li>
          ))}
        </ul>
        {open && matches.length === 0 && (
          <p className="hint" role="status">
            {t('zone.noMatch', { query: query ?? '' })}
          </p>
        )}
      </div>
    </div>
  );
}

/** "(Bengaluru) ", when the match came through a city, country or abbreviation the zone's name does not show. */
function Because({ name }: { name: string | null }) {
  return name ? <><span className="combo-place">({name})</span>{' '}</> : null;
}
