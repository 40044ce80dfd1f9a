export function regionTable(): Record<string, Record<string, string>>;
export function regionModule(table?: Record<string, Record<string, string>>): string;
