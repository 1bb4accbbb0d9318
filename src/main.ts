// Entry point of the server process: `npm run dev` runs it with tsx, `npm run build` bundles it into dist/ikz-assistent.cjs
// (started by dist/server.cjs).
import { runMain } from './server.js';

runMain();
