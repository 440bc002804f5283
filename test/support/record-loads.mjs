// Records every module the process loads through the ESM loader (tsx's TypeScript included) into the file
// TANDEM_LOAD_LOG names: a test then knows exactly what a start loaded. Only node: builtins are used here, so it
// runs in a copy installed without devDependencies.
import { register } from 'node:module';

register(new URL('./record-loads-hooks.mjs', import.meta.url), { data: { file: process.env.TANDEM_LOAD_LOG } });
