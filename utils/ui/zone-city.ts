/**
 * A zone's city, from its id alone: apart from utils/ui/zones.ts and its 40 kB of place names, which the
 * popup does not need to show "Berlin" for Europe/Berlin.
 */
export function cityOf(id: string): string {
  return (id.split('/').pop() ?? id).replace(/_/g, ' ');
}
