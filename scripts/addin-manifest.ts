// Rules for the Outlook add-in in the app manifest's `extensions` that the schema cannot express: mail scope
// with the Mailbox requirement set the pane needs, a pinnable task pane opened by a "Tandem" button on the
// message-read ribbon, the pane and icons served by Tandem itself (inside validDomains), and exactly the
// item permissions the pane uses.
import { domainCovers } from './manifest-rules.ts';

/**
 * Mailbox 1.5 brings the pinnable task pane and the ItemChanged event the pane follows the selection with;
 * categories (Mailbox 1.8) and nested app authentication are checked at run time, so older clients still
 * show the numbers.
 */
export const MAILBOX_MIN_VERSION = '1.5';
/**
 * ReadWriteItem, not ReadItem: the pane writes (and on undo removes) the "no reply needed" category on the
 * item, so Outlook and Tandem agree, and an undo also clears a category that would keep the mail excluded.
 * SharedFolder: the VA reads the owner's mailbox as a delegate or a shared mailbox.
 */
export const ADDIN_PERMISSIONS = ['MailboxItem.ReadWrite.User', 'Mailbox.SharedFolder'] as const;
export const ADDIN_ICON_SIZES = [16, 32, 80] as const;

interface Icon {
  readonly size: number;
  readonly url: string;
}
interface Control {
  readonly type: string;
  readonly label: string;
  readonly actionId?: string;
  readonly icons: readonly Icon[];
}
/** The parts of `extensions[0]` these rules read. */
export interface AddinExtension {
  readonly requirements?: { readonly scopes?: readonly string[]; readonly capabilities?: readonly { readonly name: string; readonly minVersion?: string }[] };
  readonly runtimes?: readonly { readonly id: string; readonly code: { readonly page: string }; readonly actions?: readonly { readonly id: string; readonly type: string; readonly pinnable?: boolean }[] }[];
  readonly ribbons?: readonly { readonly contexts?: readonly string[]; readonly tabs: readonly { readonly groups?: readonly { readonly icons?: readonly Icon[]; readonly controls?: readonly Control[] }[] }[] }[];
}
export interface ManifestWithAddin {
  readonly validDomains?: readonly string[];
  readonly extensions?: readonly AddinExtension[];
  readonly authorization?: { readonly permissions?: { readonly resourceSpecific?: readonly { readonly name: string; readonly type: string }[] } };
}

/**
 * `<endpoint>/tab/addin/`, with the ids the pane signs in with (the Entra app and its tenant: the single-tenant
 * authority `https://login.microsoftonline.com/<tenant id>`, tab/src/addin/auth.ts) and links to the tab by.
 */
export const addinPageUrl = (env: AddinEnv) => `${env.TAB_ENDPOINT}/tab/addin/?clientId=${env.AAD_APP_CLIENT_ID}&tenantId=${env.AAD_APP_TENANT_ID}&appId=${env.TEAMS_APP_ID}`;
export const addinIconUrl = (env: AddinEnv, size: number) => `${env.TAB_ENDPOINT}/tab/addin/icon-${size}.png`;

export interface AddinEnv {
  readonly TAB_ENDPOINT: string;
  readonly AAD_APP_CLIENT_ID: string;
  readonly AAD_APP_TENANT_ID: string;
  readonly TEAMS_APP_ID: string;
}

/** Every URL the add-in makes Outlook load: the pane's page and every icon. */
export function addinUrls(manifest: ManifestWithAddin): string[] {
  return (manifest.extensions ?? []).flatMap((extension) => [
    ...(extension.runtimes ?? []).map((runtime) => runtime.code.page),
    ...(extension.ribbons ?? []).flatMap((ribbon) =>
      ribbon.tabs.flatMap((tab) => (tab.groups ?? []).flatMap((group) => [...(group.icons ?? []), ...(group.controls ?? []).flatMap((control) => control.icons)].map((icon) => icon.url))),
    ),
  ]);
}

function iconProblems(where: string, icons: readonly Icon[], env: AddinEnv): string[] {
  const sizes = icons.map((icon) => icon.size).sort((a, b) => a - b);
  if (sizes.join() !== ADDIN_ICON_SIZES.join()) return [`${where} icons must be ${ADDIN_ICON_SIZES.join(', ')} px; got ${sizes.join(', ')}`];
  return icons.filter((icon) => icon.url !== addinIconUrl(env, icon.size)).map((icon) => `${where} icon ${icon.size} must be ${addinIconUrl(env, icon.size)}, got ${icon.url}`);
}

/** Every add-in rule broken, as readable lines; empty when the add-in is declared as Tandem needs it. */
export function addinProblems(manifest: ManifestWithAddin, env: AddinEnv): string[] {
  const extension = manifest.extensions?.[0];
  if (extension === undefined) return ['extensions: the Outlook add-in is missing'];
  const problems: string[] = [];
  if (extension.requirements?.scopes?.join() !== 'mail') problems.push('the add-in\'s requirements.scopes must be exactly ["mail"]');
  const mailbox = extension.requirements?.capabilities?.find((capability) => capability.name === 'Mailbox');
  if (mailbox?.minVersion !== MAILBOX_MIN_VERSION) problems.push(`the add-in must require Mailbox ${MAILBOX_MIN_VERSION}, got ${mailbox?.minVersion ?? 'none'}`);

  const runtime = extension.runtimes?.find((candidate) => candidate.code.page === addinPageUrl(env));
  if (runtime === undefined) problems.push(`a runtime must open the task pane at ${addinPageUrl(env)}`);
  const action = runtime?.actions?.find((candidate) => candidate.type === 'openPage');
  if (action?.pinnable !== true) problems.push('the task pane action must be an openPage action that can be pinned');

  const readRibbons = (extension.ribbons ?? []).filter((ribbon) => ribbon.contexts?.includes('mailRead'));
  const groups = readRibbons.flatMap((ribbon) => ribbon.tabs.flatMap((tab) => tab.groups ?? []));
  const button = groups.flatMap((group) => group.controls ?? []).find((control) => control.type === 'button' && control.label === 'Tandem');
  if (button === undefined) problems.push('the message-read ribbon must have a "Tandem" button');
  else if (action === undefined || button.actionId !== action.id) problems.push('the "Tandem" button must open the task pane action');
  groups.forEach((group, index) => problems.push(...iconProblems(`ribbon group ${index}`, group.icons ?? [], env), ...(group.controls ?? []).flatMap((control) => iconProblems(`"${control.label}"`, control.icons, env))));

  for (const url of addinUrls(manifest)) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || !domainCovers(manifest.validDomains ?? [], parsed.host)) problems.push(`${url} must be https inside validDomains`);
  }
  const delegated = (manifest.authorization?.permissions?.resourceSpecific ?? []).filter((permission) => permission.type === 'Delegated').map((permission) => permission.name);
  if (delegated.join() !== ADDIN_PERMISSIONS.join()) problems.push(`the add-in's delegated permissions must be exactly ${ADDIN_PERMISSIONS.join(', ')}; got ${delegated.join(', ') || 'none'}`);
  return problems;
}
