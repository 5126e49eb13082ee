import http from 'node:http';
import { GUIDE_TEXT, PersonaGuide } from './persona-guide';

/**
 * The local demo's index page: one static HTML page on 127.0.0.1 that links every persona's
 * playground with what they do. No script, no external asset.
 */

export interface IndexEntry {
  readonly guide: PersonaGuide;
  readonly url: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function indexHtml(entries: readonly IndexEntry[]): string {
  const rows = entries
    .map(
      ({ guide, url }) => `      <li>
        <a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(guide.person.name)}</a>
        <span class="role">${escapeHtml(guide.role)}</span>
        <p>${escapeHtml(guide.solutions)} Looks in: ${escapeHtml(guide.lookIn)}.</p>
        <code>${escapeHtml(url)}</code>
      </li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(GUIDE_TEXT.title)}</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #242424; }
      h1 { font-size: 1.4rem; }
      ul { list-style: none; padding: 0; }
      li { border: 1px solid #d1d1d1; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
      li a { font-weight: 600; font-size: 1.1rem; color: #5b5fc7; }
      .role { margin-left: 0.5rem; color: #616161; }
      li p { margin: 0.25rem 0; }
      code { color: #616161; font-size: 0.85rem; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(GUIDE_TEXT.title)}</h1>
    <p>${escapeHtml(GUIDE_TEXT.intro)}</p>
    <ul>
${rows}
    </ul>
    <p>${escapeHtml(GUIDE_TEXT.firstStep)}</p>
  </body>
</html>
`;
}

/** Serves the page on 127.0.0.1:`port` (GET / only) until `close()`. */
export async function serveIndexPage(port: number, html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const found = request.method === 'GET' && (request.url === '/' || request.url === '/index.html');
    response.writeHead(found ? 200 : 404, {
      'content-type': found ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(found ? html : 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
