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

/** Nested app authentication through the Outlook host; MSAL is loaded only here, keeping the standalone bundle small. */
export function nestedAuth(clientId: string, host: string): PaneAuth {
  let client: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  const request = { scopes: [apiScope(host, clientId)] };
  return {
    kind: 'nested',
    async token() {
      client ??= import('@azure/msal-browser').then(({ createNestablePublicClientApplication }) =>
        createNestablePublicClientApplication({ auth: { clientId, authority: 'https://login.microsoftonline.com/organizations' } }),
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
