import Dexie from 'dexie';
import { afterEach } from 'vitest';
import type { AppDb } from '@/utils/store/db';

/**
 * The databases a test opens (push each one): closed and deleted after every test of the calling scope,
 * so no test sees another's data and fake-indexeddb does not grow over a file.
 */
export function databasesClosedAfterEach(): AppDb[] {
  const dbs: AppDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return dbs;
}
