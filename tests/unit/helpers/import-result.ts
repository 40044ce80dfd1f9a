/** A settings file's import outcome, unwrapped for a test: the settings, or the refusal's message. */
import type { Settings } from '@/utils/store/schema';
import type { ImportResult } from '@/utils/store/settings-file';

export function expectOk(result: ImportResult): Settings {
  if (!result.ok) throw new Error(`expected the file to be accepted, got: ${result.error}`);
  return result.settings;
}

export function expectError(result: ImportResult): string {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}
