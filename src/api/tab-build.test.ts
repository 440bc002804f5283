import { describe, expect, it } from 'vitest';
import { buildTab, TAB_DIST } from './tab-build.ts';

/** Vite's import failing as Node reports it. */
const failing = (message: string, code: string) => () => Promise.reject(Object.assign(new Error(message), { code }));

describe('building the tab where Vite cannot load', () => {
  it('says what to do when Vite is not installed, with the failed import as its cause', async () => {
    // As in an image installed with `npm ci --omit=dev` that was not given dist/tab.
    const error = await buildTab(failing("Cannot find package 'vite'", 'ERR_MODULE_NOT_FOUND')).then(() => null, (caught: unknown) => caught as Error);
    expect(error?.message).toBe(`${TAB_DIST} holds no complete build of the tab and Vite, a devDependency, is not installed: run \`npm run build\` where it is`);
    expect(error?.cause).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  });

  it('passes on any other failure as it is', async () => {
    const error = await buildTab(failing('Invalid package config', 'ERR_INVALID_PACKAGE_CONFIG')).then(() => null, (caught: unknown) => caught as Error);
    expect(error).toMatchObject({ message: 'Invalid package config', code: 'ERR_INVALID_PACKAGE_CONFIG' });
  });
});
