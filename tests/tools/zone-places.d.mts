export const MIN_POPULATION: number;
export function placeTable(): Record<string, [string, string]>;
export function placeModule(table?: Record<string, [string, string]>): string;
