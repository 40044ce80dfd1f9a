import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

interface Props {
  /** Held sends this week that met a recipient with no known time zone (a count; no address is kept). */
  count: number | undefined;
}

/** "2 holds this week met someone with no time zone. Add their zones in Contacts": nothing when none did. */
export function ZonelessHolds({ count }: Props) {
  if (!count) return null;
  return (
    <p className="zoneless-holds">
      {t('popup.zoneless.line', count)}{' '}
      <a href={browser.runtime.getURL('/options.html#contacts')} target="_blank" rel="noreferrer">
        {t('popup.zoneless.link')}
      </a>
    </p>
  );
}
