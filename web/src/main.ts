/** Entry point: wires the views to the router; heavy views load their libraries on demand. */
import './style.css';
import { startRouter, type View } from './router.js';
import { readerView } from './views/reader.js';
import { askNavItem, askView } from './views/ask.js';

const views: Record<string, () => Promise<View>> = {
  reader: async () => readerView,
  timeline: () => import('./views/timeline.js').then((m) => m.timelineView),
  network: () => import('./views/network.js').then((m) => m.networkView),
  entity: () => import('./views/entity.js').then((m) => m.entityView),
  agreements: () => import('./views/agreements.js').then((m) => m.agreementsView),
  stances: () => import('./views/stances.js').then((m) => m.stancesView),
  figures: () => import('./views/figures.js').then((m) => m.figuresView),
  search: () => import('./views/search.js').then((m) => m.searchView),
  ingest: () => import('./views/ingest.js').then((m) => m.ingestView),
  compare: () => import('./views/compare.js').then((m) => m.compareView),
  export: () => import('./views/export.js').then((m) => m.exportView),
  ask: async () => askView,
};

const main = document.getElementById('main')!;
const twin = document.getElementById('json-twin') as HTMLAnchorElement;
document.getElementById('nav')!.append(askNavItem());

document.getElementById('skip-link')!.addEventListener('click', (ev) => {
  ev.preventDefault(); // the hash holds the route
  main.focus();
});

startRouter(views, 'reader', main, (route, view) => {
  twin.href = view.jsonTwin(route.params);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#nav a')) {
    if (a.dataset.view === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
});

window.addEventListener('unhandledrejection', (ev) => {
  // A failed fetch in a view shows on the page instead of failing silently.
  const box = document.createElement('p');
  box.className = 'status status-error';
  box.setAttribute('role', 'alert');
  box.textContent = `Something went wrong: ${(ev.reason as Error)?.message ?? String(ev.reason)}`;
  main.prepend(box);
});
