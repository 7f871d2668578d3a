/** Shown at / until the explorer has been built: where the data is and how to get it. */
export function landingPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>diplograph</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto">
<h1>diplograph</h1>
<p>The knowledge base is served as JSON:</p>
<ul>
<li><a href="/api/documents">/api/documents</a></li>
<li><a href="/api/entities">/api/entities</a></li>
<li><a href="/api/events">/api/events</a></li>
<li><a href="/api/export">/api/export</a> (the export contract)</li>
<li><a href="/openapi.json">/openapi.json</a> (OpenAPI description of every route)</li>
</ul></body></html>`;
}
