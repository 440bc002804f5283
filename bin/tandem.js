#!/usr/bin/env node
// The `tandem` command: runs the TypeScript CLI through tsx so no build step stands between install and use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
