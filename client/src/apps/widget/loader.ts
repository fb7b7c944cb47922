/**
 * The widget's loader: the one script a site embeds,
 *
 *   <script src="https://help.example.com/widget.js" data-widget="<key>" async></script>
 *
 * It fetches the widget's colours and texts, shows a launcher button (in a shadow root, so the
 * page's styles and ours never mix) and loads the form (widget-form.js) only when the visitor
 * wants it: kept tiny, because it runs on every page of the site. Language: `data-lang`, else the
 * page's `<html lang>`, else the browser's. Nothing is shown when the widget is unknown, off, or
 * not allowed on this site.
 */
import type { WidgetConfig } from './config';

const script = document.currentScript as HTMLScriptElement | null;
const key = script?.dataset.widget;

if (script && key && !document.querySelector('[data-tresen-widget]')) {
  const base = new URL('.', script.src).href;
  const first = [script.dataset.lang, document.documentElement.lang, navigator.language].find((value) => value && value.trim() !== '');
  const lang = first?.toLowerCase().startsWith('de') ? 'de' : 'en';

  fetch(`${base}widget/${key}/config`, { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<WidgetConfig>) : null))
    .then((config) => {
      if (!config) return;
      // A script in <head> without async runs before <body> exists.
      if (document.body) mount(config);
      else document.addEventListener('DOMContentLoaded', () => mount(config), { once: true });
    })
    .catch(() => undefined);

  function mount(config: WidgetConfig): void {
    const host = document.createElement('div');
    host.setAttribute('data-tresen-widget', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `:host{all:initial}
.l{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;font:600 15px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:${config.primaryColor};color:${config.primaryTextColor};box-shadow:0 4px 16px rgb(0 0 0 / .3);cursor:pointer}
.l:focus-visible{outline:3px solid ${config.primaryColor};outline-offset:3px}
.l svg{width:20px;height:20px;fill:currentColor}`;
    const launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'l';
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('data-testid', 'widget-launcher');
    // Default titles as in client/src/shared/widget/messages.ts (the loader does not load that file).
    const label = config.texts[lang]?.title || (lang === 'de' ? 'Kontakt' : 'Contact us');
    launcher.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
    launcher.append(label);
    shadow.append(style, launcher);
    document.body.append(host);

    let form: Promise<{ openWidgetForm(context: object): void }> | null = null;
    const load = () => (form ??= import(/* @vite-ignore */ `${base}widget-form.js`));
    launcher.addEventListener('pointerenter', () => void load().catch(() => (form = null)), { once: true });
    launcher.addEventListener('click', () => {
      load()
        .then((module) => module.openWidgetForm({ shadow, launcher, config, lang, key, base }))
        .catch(() => (form = null));
    });
  }
}
