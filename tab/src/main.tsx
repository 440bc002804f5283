// Entry point: connect to the host (Teams or standalone), load the host locale's catalog, then render the tab.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectHost } from './host.ts';
import { preloadLocale, setLocale } from './i18n.ts';

// Teams' locale usually is the browser's: its catalog loads while teams-js connects.
preloadLocale(navigator.language);
const host = await connectHost();
await setLocale(host.locale);
createRoot(document.getElementById('root')!).render(<App host={host} />);
