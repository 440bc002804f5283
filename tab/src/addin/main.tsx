// Entry point of the Outlook task pane: wait for Office.js (Office.onReady), load the locale's catalog, choose
// how to sign in, render.
import { createRoot } from 'react-dom/client';
import { preloadLocale, setLocale } from '../i18n.ts';
import { nestedAuth, standaloneAuth } from './auth.ts';
import { connectOutlook } from './office.ts';
import { Pane } from './Pane.tsx';

// Outlook's display language usually is the browser's: its catalog loads while Office.js gets ready.
preloadLocale(navigator.language);
const outlook = await connectOutlook();
await setLocale(outlook?.locale ?? navigator.language);
// The manifest's page URL names the Entra app (clientId) and its tenant (tenantId) in production; without a
// client id the dev tenant's picker signs in.
const page = new URLSearchParams(window.location.search);
const clientId = page.get('clientId');
const auth = clientId === null ? standaloneAuth() : nestedAuth({ clientId, tenantId: page.get('tenantId') ?? '', host: window.location.host });
createRoot(document.getElementById('root')!).render(<Pane outlook={outlook} auth={auth} />);
