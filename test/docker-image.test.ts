// The container setup: the Dockerfile is multi-stage, runs as a non-root user and checks /healthz; compose
// pairs Tandem with PostgreSQL; and where a Docker daemon answers, the image really builds and turns healthy.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url).pathname;
const read = (file: string) => readFile(join(ROOT, file), 'utf8');

/** Whether a Docker daemon answers; when not, says why on stderr (the build test is then skipped). */
async function dockerAnswers(): Promise<boolean> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 10_000 });
    return true;
  } catch (error) {
    const reason = (error as { stderr?: string; code?: string }).stderr?.trim() || (error as { code?: string }).code || String(error);
    process.stderr.write(`docker-image.test: skipping the image build, Docker is not usable here (${reason.split('\n')[0]})\n`);
    return false;
  }
}
const docker = await dockerAnswers();

describe('Dockerfile and compose.yaml', () => {
  it('builds in stages and runs the server as an unprivileged user with a /healthz health check', async () => {
    const dockerfile = await read('Dockerfile');
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+(?:\s+AS\s+(\S+))?/gim)].map((match) => match[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "--import", "tsx", "src\/index\.ts"\]$/m);
    expect(runtime).toContain('COPY --from=prod-deps');
    expect(dockerfile).toMatch(/AS prod-deps\n(.*\n)*RUN npm ci --omit=dev/);
    expect(runtime).not.toMatch(/COPY (--\S+ )*\. /);
  });

  it('copies every source file the server imports into the runtime stage', async () => {
    const copied = [...(await read('Dockerfile')).matchAll(/^COPY --chown=\S+ (\S+) \.\/\S+$/gm)].map((match) => match[1]!);
    const seen = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const { importedFiles } = ts.preProcessFile(await readFile(join(ROOT, file), 'utf8'), true, true);
      for (const { fileName } of importedFiles) if (fileName.startsWith('.')) await visit(join(file, '..', fileName));
    };
    await visit('src/index.ts');
    const outside = [...seen].filter((file) => !copied.some((dir) => file === dir || file.startsWith(`${dir}/`)));
    expect(outside).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });

  // The image's runtime stage holds exactly these paths; started from a copy of them, the server must come up.
  it.skipIf(!existsSync(join(ROOT, 'dist/tab/index.html')))('starts from the runtime stage\'s files alone and answers /healthz', { timeout: 120_000 }, async () => {
    const dockerfile = await read('Dockerfile');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const paths = [...runtime.matchAll(/^COPY (?:--\S+ )*(\S+) \.\/\S*$/gm)].map((match) => match[1]!).map((path) => path.replace(/^\/app\//, ''));
    expect(paths).toEqual(expect.arrayContaining(['node_modules', 'package.json', 'src', 'bot', 'bin', 'dist']));
    const dir = await mkdtemp(join(tmpdir(), 'tandem-runtime-'));
    try {
      for (const path of paths) {
        if (path === 'node_modules') await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
        else await cp(join(ROOT, path), join(dir, path), { recursive: true });
      }
      const port = 39_000 + (process.pid % 900);
      const check = JSON.parse(/^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
      const runCheck = () => run(check[0]!, check.slice(1), { env: { ...process.env, PORT: String(port) } });
      const server = spawn('node', ['--import', 'tsx', 'src/index.ts'], {
        cwd: dir,
        env: { ...process.env, PORT: String(port), TANDEM_DATA_DIR: join(dir, 'data'), TANDEM_LOCAL: '1', TANDEM_PLAYGROUND: '0', DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let exited = false;
      let stderr = '';
      server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      server.once('exit', () => (exited = true));
      try {
        let status = 0;
        for (let i = 0; i < 100 && status !== 200 && !exited; i++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          status = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.status, () => 0);
        }
        expect(exited, `the server stopped: ${stderr.slice(-2000)}`).toBe(false);
        expect(status).toBe(200);
        // The image's own HEALTHCHECK command, run as Docker would, passes against it.
        await runCheck();
      } finally {
        if (!exited) {
          server.kill('SIGTERM');
          await new Promise((resolve) => server.once('exit', resolve));
        }
      }
      // …and fails once the server is gone.
      await expect(runCheck()).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps dependencies, local data and secrets out of the build context', async () => {
    const ignored = (await read('.dockerignore')).split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.git', '.tandem', 'env/.env.*.user', 'deploy.env']));
  });

  it('runs Tandem against PostgreSQL in compose, with the password required rather than defaulted', async () => {
    const text = await read('compose.yaml');
    interface Service {
      image?: string;
      build?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] };
    }
    const compose = parseYaml(text) as { services: Record<string, Service>; volumes: Record<string, unknown> };
    const { postgres, tandem } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:16/);
    expect(postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(postgres?.environment?.['POSTGRES_PASSWORD']).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
    expect(tandem?.build).toBe('.');
    expect(tandem?.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/tandem:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/tandem$/);
    expect(tandem?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(Object.keys(compose.volumes)).toEqual(['pgdata']);
  });

  it.skipIf(!docker)('the image builds and reports healthy', { timeout: 900_000 }, async () => {
    const tag = `tandem-test:${process.pid}`;
    await run('docker', ['build', '--tag', tag, '.'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const { stdout: id } = await run('docker', ['run', '--detach', '--rm', tag]);
    try {
      let status = 'starting';
      for (let i = 0; i < 60 && status === 'starting'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        status = (await run('docker', ['inspect', '--format', '{{.State.Health.Status}}', id.trim()])).stdout.trim();
      }
      expect(status).toBe('healthy');
      expect((await run('docker', ['inspect', '--format', '{{.Config.User}}', tag])).stdout.trim()).toBe('node');
    } finally {
      await run('docker', ['rm', '--force', id.trim()]);
    }
  });
});
