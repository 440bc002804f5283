// Entry point of the Outlook task pane: wait for Office.js (Office.onReady), choose how to sign in, render.
import { createRoot } from 'react-dom/client';
import { setLocale } from '../i18n.ts';
import { nestedAuth, standaloneAuth } from './auth.ts';
import { connectOutlook } from './office.ts';
import { Pane } from './Pane.tsx';

const outlook = await connectOutlook();
setLocale(outlook?.locale ?? navigator.language);
// The manifest's page URL names the Entra app (clientId) in production; without it the dev tenant's picker signs in.
const clientId = new URLSearchParams(window.location.search).get('clientId');
const auth = clientId === null ? standaloneAuth() : nestedAuth(clientId, window.location.host);
createRoot(document.getElementById('root')!).render(<Pane outlook={outlook} auth={auth} />);
