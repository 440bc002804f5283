// The Outlook pane's sign-in configuration: nested app authentication with the single-tenant authority of the
// app's own tenant (never /organizations or /common), asking for Tandem's API scope by its App ID URI.
// https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
// https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration ("Authority")
import { describe, expect, it } from 'vitest';
import { nestedAuth, SignInError, tenantAuthority } from '../tab/src/addin/auth.ts';

const APP = { clientId: 'a1b2c3d4-0000-4000-8000-000000000003', tenantId: '8eaef023-2b34-4da1-9baa-8bc8c9d6a490', host: 'tandem.example.com' };

function fakeMsal(outcome: { silent?: string; popup?: string }) {
  const seen: { config?: unknown; requests: unknown[] } = { requests: [] };
  const client = {
    acquireTokenSilent: async (request: unknown) => {
      seen.requests.push(request);
      if (outcome.silent === undefined) throw new Error('interaction_required');
      return { accessToken: outcome.silent };
    },
    acquireTokenPopup: async (request: unknown) => {
      seen.requests.push(request);
      if (outcome.popup === undefined) throw new Error('user_cancelled');
      return { accessToken: outcome.popup };
    },
  };
  const load = async () => ({ createNestablePublicClientApplication: async (config: unknown) => ((seen.config = config), client) }) as never;
  return { seen, load };
}

describe('the pane\'s nested app authentication', () => {
  it('uses the tenant authority of the app\'s tenant and the API scope of its App ID URI', async () => {
    const { seen, load } = fakeMsal({ silent: 'token-1' });
    expect(await nestedAuth(APP, load).token()).toBe('token-1');
    expect(seen.config).toEqual({ auth: { clientId: APP.clientId, authority: `https://login.microsoftonline.com/${APP.tenantId}` } });
    expect(tenantAuthority(APP.tenantId)).not.toMatch(/\/(organizations|common|consumers)$/);
    expect(seen.requests).toEqual([{ scopes: [`api://${APP.host}/${APP.clientId}/access_as_user`] }]);
  });

  it('falls back to the host\'s prompt, and reports a refused prompt as a sign-in error', async () => {
    expect(await nestedAuth(APP, fakeMsal({ popup: 'token-2' }).load).token()).toBe('token-2');
    await expect(nestedAuth(APP, fakeMsal({}).load).token()).rejects.toBeInstanceOf(SignInError);
  });

  it('refuses to sign in without the tenant id in the page URL, before asking Entra anything', async () => {
    const { seen, load } = fakeMsal({ silent: 'never' });
    await expect(nestedAuth({ ...APP, tenantId: '' }, load).token()).rejects.toThrow(/names no tenant id/);
    expect(seen.config).toBeUndefined();
  });
});
