/** What the bench runner needs from TypeScript sources, bundled for Node by esbuild (see run.mjs). */
export { globalTeam, overlappingTeam, timeEngine } from './engine';
export { ALWAYS, everyDayFromNow, scene } from '../e2e/settings-file';
