/** Undo for the options page's autosave (issue 20): the patch that puts a change back. Pure. */
import type { UpdateSettingsPayload } from '@/utils/messaging';
import type { Snapshot } from '@/utils/store/snapshot';

type Patch = UpdateSettingsPayload;

/**
 * The patch that puts back what `patch` changes, read from the settings before it: the same fields one
 * level down (`{ me: { weekly } }` → the old weekly). Null when a field had no value to go back to.
 */
export function inversePatch(patch: Patch, before: Snapshot['settings']): Patch | null {
  const inverse: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const old = (before as unknown as Record<string, unknown>)[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && old && typeof old === 'object' && !Array.isArray(old)) {
      const fields: Record<string, unknown> = {};
      for (const field of Object.keys(value)) {
        const previous = (old as Record<string, unknown>)[field];
        if (previous === undefined) return null;
        fields[field] = previous;
      }
      inverse[key] = key === 'contactDefaults' ? { ...old, ...fields } : fields;
    } else {
      if (old === undefined) return null;
      inverse[key] = old;
    }
  }
  return inverse as Patch;
}
