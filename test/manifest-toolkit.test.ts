// teamsapp.yml and the Entra app manifest agree with the env templates and with what Tandem's code asks
// Graph for: every ${{VARIABLE}} they use has a value or is written by an earlier provision step, and the
// app registration requests exactly the application permissions the dev tenant grants Tandem.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listEnvironments, parseEnvFile, ROOT } from '../scripts/app-package.ts';
import { DRAFT_ROLE, TANDEM_APP_ROLES } from '../src/devtenant/dev-tenant.ts';

const read = (file: string) => readFile(join(ROOT, file), 'utf8');
const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((match) => match[1]!))];

describe('teamsapp.yml and manifest/aad.manifest.json', () => {
  it('is a toolkit project file whose steps use only variables an env template defines or an earlier step writes', async () => {
    interface Step {
      uses: string;
      with?: Record<string, unknown>;
      writeToEnvironmentFile?: Record<string, string>;
    }
    const project = parseYaml(await read('teamsapp.yml')) as { version: string; environmentFolderPath: string; provision: Step[]; deploy: Step[] };
    expect(project.version).toBe('v1.7');
    expect(project.environmentFolderPath).toBe('./env');
    expect(project.provision.map((step) => step.uses)).toEqual([
      'aadApp/create',
      'aadApp/update',
      'teamsApp/create',
      'botAadApp/create',
      'botFramework/create',
      'cli/runNpmCommand',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    const env = parseEnvFile(await read('env/.env.dev'));
    const written = new Set<string>();
    const problems: string[] = [];
    // Walk the steps in order: a step may use what the env file holds or what an earlier step wrote.
    for (const step of [...project.provision, ...project.deploy]) {
      for (const name of placeholders(JSON.stringify(step.with ?? {}))) if (!(name in env) && !written.has(name)) problems.push(`${step.uses} uses ${name} before anything sets it`);
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.add(name);
    }
    for (const name of placeholders(await read('manifest/aad.manifest.json'))) if (!(name in env) && !written.has(name)) problems.push(`aad.manifest.json uses ${name}, which is never set`);
    expect(problems).toEqual([]);
    expect([...written]).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID', 'AAD_APP_OBJECT_ID', 'SECRET_AAD_APP_CLIENT_SECRET', 'SECRET_BOT_PASSWORD']));
    // The package the toolkit validates and uploads is the one `npm run package` builds and checks.
    const packagePath = './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip';
    expect(project.provision.filter((step) => step.with?.['appPackagePath'] !== undefined).map((step) => step.with?.['appPackagePath'])).toEqual([packagePath, packagePath, packagePath]);
    expect(project.provision.find((step) => step.uses === 'cli/runNpmCommand')?.with).toEqual({ args: 'run package -- ${{TEAMSFX_ENV}}' });
  });

  it('keep secrets out of the committed env files: provision writes them to the git-ignored .user file', async () => {
    const gitignore = (await read('.gitignore')).split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['env/.env.*.user', 'deploy.env']));
    for (const environment of await listEnvironments()) {
      expect(Object.keys(parseEnvFile(await read(`env/.env.${environment}`))).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    }
  });

  it('register exactly the Graph application permissions Tandem uses (headers mode), and SSO for the tab', async () => {
    const aad = JSON.parse(await read('manifest/aad.manifest.json')) as {
      requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
      oauth2Permissions: Array<{ value: string; id: string }>;
      preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
      identifierUris: string[];
    };
    const graph = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph')!;
    const roles = graph.resourceAccess.filter((access) => access.type === 'Role').map((access) => access.id);
    expect(roles.sort()).toEqual([...TANDEM_APP_ROLES.headers, DRAFT_ROLE].sort());
    expect(graph.resourceAccess.filter((access) => access.type === 'Scope').map((access) => access.id)).toEqual(['User.Read']);
    expect(aad.oauth2Permissions.map((permission) => permission.value)).toEqual(['access_as_user']);
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    // Teams (desktop/mobile, web), Microsoft 365 (web, desktop, mobile/Outlook desktop), Outlook (web, mobile).
    expect(aad.preAuthorizedApplications).toHaveLength(7);
    for (const client of aad.preAuthorizedApplications) expect(client.permissionIds).toEqual([aad.oauth2Permissions[0]!.id]);
  });
});
