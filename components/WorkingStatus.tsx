import { t } from '@/utils/i18n';
import type { WorkingStatus as Status } from '@/utils/ui/status';

interface Props {
  timeZone: string;
  status: Status;
}

function stateText({ working, changesAt }: Status): string {
  if (working) return changesAt ? t('status.workingUntil', { time: changesAt }) : t('status.working');
  return changesAt ? t('status.outsideNextStart', { time: changesAt }) : t('status.outside');
}

/** "Mon 23:40 (Europe/Berlin) · Outside working hours · next start Tue 09:00". */
export function WorkingStatus({ timeZone, status }: Props) {
  return (
    <section className="working-status" aria-label={t('status.region')}>
      <p className="clock">
        <strong>{status.localTime}</strong> <span className="zone">{timeZone}</span>
      </p>
      <p className={status.working ? 'state in' : 'state out'}>{stateText(status)}</p>
    </section>
  );
}
