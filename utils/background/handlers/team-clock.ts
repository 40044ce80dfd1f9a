/**
 * The popup's team clock (issue 22). The index (contacts and the organisation's directory, names folded,
 * schedules shared, holidays applied) is built once and kept until the settings change (every change
 * republishes); each query then groups and sorts for its own instant. The last ordering is kept too, so
 * scrolling through one search asks for pages without sorting again.
 */
import type { Context } from '@/utils/background/context';
import type { Handlers } from '@/utils/background/handle';
import { buildTeamIndex, orderTeam, teamPage, type OrderedTeam, type TeamIndex } from '@/utils/etiquette/team-clock';
import { nameCollator } from '@/utils/i18n/dates';
import { withDirectory } from '@/utils/store/contact-query';

async function buildIndex(ctx: Context): Promise<TeamIndex> {
  const [own, managed, core, holidays] = await Promise.all([ctx.directory(), ctx.policy(), ctx.core(), ctx.holidayTable()]);
  return buildTeamIndex(withDirectory(own, managed?.directory), core.contactDefaults, holidays, nameCollator().compare);
}

export function teamClockHandlers(ctx: Context): Handlers<'queryTeamClock'> {
  let built: { revision: number; index: Promise<TeamIndex> } | null = null;
  let last: { index: TeamIndex; search: string; ordered: OrderedTeam } | null = null;

  function currentIndex(): Promise<TeamIndex> {
    const revision = ctx.revision();
    if (built?.revision !== revision) {
      const index = buildIndex(ctx);
      built = { revision, index };
      // A failed read is not kept: the next query tries again.
      index.catch(() => {
        if (built?.index === index) built = null;
      });
    }
    return built.index;
  }

  return {
    async queryTeamClock({ search = '', at, offset, limit }) {
      const index = await currentIndex();
      const now = at ?? ctx.now();
      const same = last && last.index === index && last.search === search && last.ordered.at === now;
      const ordered = same ? last!.ordered : orderTeam(index, search, now);
      last = { index, search, ordered };
      return teamPage(ordered, offset, limit);
    },
  };
}
