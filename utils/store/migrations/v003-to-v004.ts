import type { Transaction } from 'dexie';

const OLD_FIELD_ID = 'preferences.askReasonOnSendNow';
const NEW_FIELD_ID = 'preferences.sendNowReason';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * v3 stored `preferences.askReasonOnSendNow` (a boolean that nothing read). v4 stores
 * `sendNowReason` ('ask' for true, 'off' for false) and `sendNowDailyLimit` (null: no limit), and
 * the user-set mark of the old field moves to the new one (a recommended policy value still yields
 * to the user's own choice). Every other field, and the rows' update times, stay as they were.
 */
export async function migrateV3toV4(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const row: { value?: unknown } | undefined = await settings.get('preferences');
  if (row && isRecord(row.value)) {
    const { askReasonOnSendNow, ...rest } = row.value;
    const upgraded = {
      ...rest,
      sendNowReason: rest.sendNowReason ?? (askReasonOnSendNow === true ? 'ask' : 'off'),
      sendNowDailyLimit: rest.sendNowDailyLimit ?? null,
    };
    await settings.update('preferences', { value: upgraded });
  }
  const userSet: { value?: unknown } | undefined = await settings.get('userSet');
  if (userSet && Array.isArray(userSet.value) && userSet.value.includes(OLD_FIELD_ID)) {
    const ids = userSet.value.map((id: unknown) => (id === OLD_FIELD_ID ? NEW_FIELD_ID : id));
    await settings.update('userSet', { value: [...new Set(ids)].sort() });
  }
}
