import type { WorkingStatus as Status } from '@/utils/ui/status';

interface Props {
  timeZone: string;
  status: Status;
}

/** "Mon 23:40 (Europe/Berlin) · Outside working hours · next start Tue 09:00". */
export function WorkingStatus({ timeZone, status }: Props) {
  return (
    <section className="working-status" aria-label="Your working hours">
      <p className="clock">
        <strong>{status.localTime}</strong> <span className="zone">{timeZone}</span>
      </p>
      <p className={status.working ? 'state in' : 'state out'}>
        {status.working ? 'In working hours' : 'Outside working hours'}
        {status.changesAt && (status.working ? ` until ${status.changesAt}` : ` \u00b7 next start ${status.changesAt}`)}
      </p>
    </section>
  );
}
