import { describe, expect, it, vi } from 'vitest';

describe('building the tab where Vite is missing', () => {
  it('says what to do, with the failed import as its cause', async () => {
    // As in an image installed with `npm ci --omit=dev` that was not given dist/tab.
    vi.doMock('vite', () => {
      throw new Error("Cannot find package 'vite'");
    });
    const { buildTab, TAB_DIST } = await import('./tab-build.ts');
    const error = await buildTab().then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toBe(`${TAB_DIST} holds no build of the tab and Vite, a devDependency, is not installed: run \`npm run build\` where it is`);
    expect(error?.cause).toBeInstanceOf(Error);
  });
});
