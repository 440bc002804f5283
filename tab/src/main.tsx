// Entry point: connect to the host (Teams or standalone), load the host locale's catalog, then render the tab, or
// its configuration page when Teams opened it to add the tab to a chat.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectHost } from './host.ts';
import { preloadLocale, setLocale } from './i18n.ts';

// Teams' locale usually is the browser's: its catalog loads while teams-js connects.
preloadLocale(navigator.language);
const host = await connectHost();
await setLocale(host.locale);
const root = createRoot(document.getElementById('root')!);
if (host.configuration === null) {
  root.render(<App host={host} />);
} else {
  // Opened once per tab added: the tab's own bundle need not carry it.
  const { ConfigPage } = await import('./ConfigPage.tsx');
  root.render(<ConfigPage host={host} configuration={host.configuration} />);
}
