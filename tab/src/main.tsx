// Entry point: connect to the host (Teams or standalone), then render the tab.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectHost } from './host.ts';
import { setLocale } from './i18n.ts';

const host = await connectHost();
setLocale(host.locale);
createRoot(document.getElementById('root')!).render(<App host={host} />);
