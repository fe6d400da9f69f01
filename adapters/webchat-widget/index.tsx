// Entry of /webchat/widget.js, the one script a restaurant adds to its site:
//   <script src="https://…/webchat/widget.js" async></script>
// Optional attributes on the tag: data-lang="fr|en" (else the page's or browser's language),
// data-color="#5a1e1b" (the accent colour). Renders into a shadow root on its own element.
import { render } from 'preact';
import { ChatApi } from './api';
import { pickLang } from './i18n';
import { STYLES } from './styles';
import { ChatWidget } from './widget';

const HOST_ID = 'maitre-webchat';

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="/webchat/widget.js"]');
}

function mount(script: HTMLScriptElement | null): void {
  if (document.getElementById(HOST_ID)) return; // the tag was pasted twice
  const base = script?.src
    ? new URL(script.src, location.href).origin +
      new URL(script.src, location.href).pathname.replace(/\/webchat\/widget\.js$/, '')
    : location.origin;
  const lang = pickLang(script?.dataset.lang);
  const host = document.createElement('div');
  host.id = HOST_ID;
  const color = script?.dataset.color;
  if (color && /^#[0-9a-f]{3,8}$/i.test(color)) host.style.setProperty('--maitre-accent', color);
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLES;
  root.appendChild(style);
  const container = document.createElement('div');
  root.appendChild(container);
  render(<ChatWidget api={new ChatApi(base)} locale={lang === 'fr' ? 'fr-FR' : 'en-US'} />, container);
}

// currentScript is only set while this file first runs; read it now, mount when the body exists.
const script = ownScript();
if (document.body) mount(script);
else document.addEventListener('DOMContentLoaded', () => mount(script));
