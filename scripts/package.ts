// `npm run package [-- <environment>...]`: builds appPackage/build/appPackage.<env>.zip for the named
// environments, or for every env/.env.<env> template; exits 1 naming what is wrong.
import { relative } from 'node:path';
import { buildAppPackage, listEnvironments, PackageError, ROOT } from './app-package.ts';

const requested = process.argv.slice(2);
const environments = requested.length > 0 ? requested : await listEnvironments();
let failed = false;
for (const environment of environments) {
  try {
    const built = await buildAppPackage(environment);
    process.stdout.write(`${relative(ROOT, built.zipPath)}  (manifest ${built.manifest.id})\n`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    process.stderr.write(`package: ${error.message}\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
