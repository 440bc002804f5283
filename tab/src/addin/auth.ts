// How the pane gets a token for Tandem's API. In Outlook: nested app authentication (MSAL.js
// `createNestablePublicClientApplication`), which Microsoft now recommends for Outlook add-ins over
// Office.auth.getAccessToken; the token is the same `access_as_user` token the tab's Teams SSO gets, so the
// API validates both with one validator. Standalone (the dev tenant): the tab's sign-in picker.

/** The API's delegated scope (src/api/auth/tab-validator.ts TAB_SCOPE; test/addin-pane.test.ts keeps them equal). */
export const API_SCOPE = 'access_as_user';

export interface PaneAuth {
  readonly kind: 'nested' | 'standalone';
  /** A token for the API; standalone: the picker's token, or null until someone is picked. */
  token(): Promise<string | null>;
}

export class SignInError extends Error {
  override readonly name = 'SignInError';
}

/** `api://<host>/<client id>/access_as_user`, the audience the server checks (webApplicationInfo.resource). */
export const apiScope = (host: string, clientId: string) => `api://${host}/${clientId}/${API_SCOPE}`;

/** The Entra app the pane signs in to, from the add-in's page URL (manifest `extensions[0].runtimes[0].code.page`). */
export interface PaneApp {
  readonly clientId: string;
  /** The tenant the app is registered in (Agents Toolkit's AAD_APP_TENANT_ID); the app is single-tenant. */
  readonly tenantId: string;
  /** The pane's host: the App ID URI is `api://<host>/<client id>`. */
  readonly host: string;
}

/**
 * The authority for a single-tenant app: `https://login.microsoftonline.com/<tenant id>` signs in users of that
 * organisation only; `/organizations` or `/common` are for multi-tenant apps
 * (https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration, "Authority";
 * nested app authentication takes the same MSAL config:
 * https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
 */
export const tenantAuthority = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}`;

type Msal = Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication'>;

/**
 * Nested app authentication through the Outlook host; MSAL is loaded only here, keeping the standalone bundle
 * small (`loadMsal` is for tests).
 */
export function nestedAuth(app: PaneApp, loadMsal: () => Promise<Msal> = () => import('@azure/msal-browser')): PaneAuth {
  let client: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  const request = { scopes: [apiScope(app.host, app.clientId)] };
  return {
    kind: 'nested',
    async token() {
      // Never a multi-tenant authority for this single-tenant app: without the tenant there is no sign-in.
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(app.tenantId)) {
        throw new SignInError(`The add-in's page URL names no tenant id (tenantId=${app.tenantId}): update the app package.`);
      }
      client ??= loadMsal().then(({ createNestablePublicClientApplication }) =>
        createNestablePublicClientApplication({ auth: { clientId: app.clientId, authority: tenantAuthority(app.tenantId) } }),
      );
      const msal = await client;
      try {
        return (await msal.acquireTokenSilent(request)).accessToken;
      } catch (silent) {
        // Consent or a fresh sign-in is needed: the host shows its own prompt.
        try {
          return (await msal.acquireTokenPopup(request)).accessToken;
        } catch (popup) {
          throw new SignInError(popup instanceof Error ? popup.message : String(popup), { cause: silent });
        }
      }
    },
  };
}

const TOKEN_KEY = 'tandem.token';

/** The dev tenant's picker tokens, kept where the tab keeps them (same origin), so one sign-in serves both. */
export function standaloneAuth(): PaneAuth & { remember(token: string): void; forget(): void } {
  return {
    kind: 'standalone',
    token: async () => sessionStorage.getItem(TOKEN_KEY),
    remember: (token) => sessionStorage.setItem(TOKEN_KEY, token),
    forget: () => sessionStorage.removeItem(TOKEN_KEY),
  };
}
