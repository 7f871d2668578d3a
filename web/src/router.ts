/**
 * Hash routing: `#/<view>?<params>` holds each view's whole state, so every URL can be shared and
 * reloaded. Views re-render on navigation; small state changes (a selection) replace the URL
 * without re-rendering.
 */
export type Params = Record<string, string>;

export interface Route {
  view: string;
  params: Params;
}

export interface View {
  /** Render into `root`; return a cleanup function when the view holds resources (charts, timers). */
  render(root: HTMLElement, params: Params): Promise<(() => void) | void>;
  /** Title shown in the browser tab. */
  title: string;
  /** The API URL holding the same data (the JSON twin). */
  jsonTwin(params: Params): string;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const view = decodeURIComponent(q < 0 ? body : body.slice(0, q)) || '';
  const params: Params = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(body.slice(q + 1))) if (v !== '') params[k] = v;
  return { view, params };
}

export function href(view: string, params: Params = {}): string {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')).toString();
  return `#/${view}${qs ? `?${qs}` : ''}`;
}

export function navigate(view: string, params: Params = {}): void {
  location.hash = href(view, params);
}

/** Record state in the URL without a re-render (and without a history entry per click). */
export function replaceParams(view: string, params: Params): void {
  history.replaceState(history.state, '', href(view, params));
}

export function currentRoute(): Route {
  return parseHash(location.hash);
}

export function startRouter(views: Record<string, () => Promise<View>>, fallback: string, root: HTMLElement, onRoute: (route: Route, view: View) => void): void {
  let cleanup: (() => void) | void;
  let generation = 0;
  const show = async () => {
    const route = currentRoute();
    if (!(route.view in views)) {
      history.replaceState(history.state, '', href(fallback, route.view ? {} : route.params));
      route.view = fallback;
    }
    const mine = ++generation;
    const view = await views[route.view]!();
    if (mine !== generation) return;
    try { cleanup?.(); } catch { /* a view that failed to clean up must not block the next one */ }
    cleanup = undefined;
    // Each navigation renders into its own container, so a slow earlier render writes into a detached node.
    const container = document.createElement('div');
    container.className = `view view-${route.view}`;
    root.replaceChildren(container);
    document.title = `${view.title} · diplograph`;
    onRoute(route, view);
    let done: (() => void) | void;
    try {
      done = await view.render(container, route.params);
    } catch (err) {
      // A render overtaken by a newer navigation may fail on its detached container; only the current one may report.
      if (mine === generation) throw err;
      return;
    }
    if (mine === generation) cleanup = done;
    else done?.();
  };
  window.addEventListener('hashchange', () => void show());
  void show();
}
