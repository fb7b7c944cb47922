/** The line a site owner pastes into their pages. */
export function widgetSnippet(origin: string, key: string): string {
  return `<script src="${origin}/widget.js" data-widget="${key}" async></script>`;
}

/** The hosted contact form, for sites that cannot run scripts (a link or a button to it). */
export function contactPageUrl(origin: string, key: string): string {
  return `${origin}/contact/${key}`;
}
