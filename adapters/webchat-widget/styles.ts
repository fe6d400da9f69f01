// The widget's styles, inside its shadow root so the host page's CSS and ours never mix.
export const STYLES = `
:host { all: initial; }
.maitre-root {
  position: fixed;
  right: 20px;
  bottom: 20px;
  z-index: 2147483000;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  color: #1f1a17;
}
.launcher {
  width: 60px;
  height: 60px;
  border-radius: 50%;
  border: none;
  background: var(--maitre-accent, #5a1e1b);
  color: #fff;
  cursor: pointer;
  box-shadow: 0 6px 20px rgba(0,0,0,.25);
  display: grid;
  place-items: center;
  margin-left: auto;
}
.launcher:hover { filter: brightness(1.1); }
button:focus-visible, input:focus-visible { outline: 3px solid #f2b233; outline-offset: 2px; }
.panel {
  position: absolute;
  right: 0;
  bottom: 76px;
  width: min(380px, calc(100vw - 40px));
  height: min(560px, calc(100vh - 120px));
  background: #fff;
  border-radius: 14px;
  box-shadow: 0 12px 40px rgba(0,0,0,.28);
  display: flex;
  flex-direction: column;
  overflow: hidden;
}
.head {
  display: flex;
  align-items: flex-start;
  justify-content: space-between;
  gap: 8px;
  padding: 14px 14px 12px 16px;
  background: var(--maitre-accent, #5a1e1b);
  color: #fff;
}
.head h2 { margin: 0; font-size: 16px; font-weight: 600; }
.head .sub { margin: 2px 0 0; font-size: 13px; opacity: .9; }
.icon { background: transparent; border: none; color: inherit; cursor: pointer; padding: 4px; border-radius: 6px; }
.log {
  list-style: none;
  margin: 0;
  padding: 14px;
  flex: 1;
  overflow-y: auto;
  display: flex;
  flex-direction: column;
  gap: 8px;
  background: #faf7f2;
}
.msg { max-width: 82%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid #e6ddd0; border-bottom-left-radius: 4px; }
.msg.guest {
  align-self: flex-end;
  background: var(--maitre-accent, #5a1e1b);
  color: #fff;
  border-bottom-right-radius: 4px;
}
.msg.failed { opacity: .75; }
.fail { display: block; font-size: 12px; margin-top: 4px; }
.link {
  background: none;
  border: none;
  color: inherit;
  text-decoration: underline;
  cursor: pointer;
  padding: 0;
  font: inherit;
}
.typing span { letter-spacing: 3px; color: #8a7d70; }
.notice { margin: 0; padding: 6px 14px; font-size: 13px; background: #fff4dc; color: #5b4300; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 12px 0; margin: 0; border: none; min-width: 0; }
.chip {
  border: 1px solid var(--maitre-accent, #5a1e1b);
  color: var(--maitre-accent, #5a1e1b);
  background: #fff;
  border-radius: 16px;
  padding: 4px 12px;
  cursor: pointer;
  font: inherit;
  font-size: 14px;
}
.compose { display: flex; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid #eee5d8; }
.compose input {
  flex: 1;
  min-width: 0;
  border: 1px solid #cbbfae;
  border-radius: 20px;
  padding: 9px 14px;
  font: inherit;
  color: inherit;
  background: #fff;
}
.send {
  width: 40px;
  height: 40px;
  border-radius: 50%;
  border: none;
  background: var(--maitre-accent, #5a1e1b);
  color: #fff;
  cursor: pointer;
  display: grid;
  place-items: center;
  flex: none;
}
.send:disabled { opacity: .5; cursor: default; }
.ended { padding: 12px; border-top: 1px solid #eee5d8; text-align: center; }
.ended p { margin: 0 0 8px; }
.primary {
  border: none;
  border-radius: 18px;
  padding: 8px 16px;
  background: var(--maitre-accent, #5a1e1b);
  color: #fff;
  cursor: pointer;
  font: inherit;
}
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0,0,0,0);
  white-space: nowrap;
  border: 0;
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: rise .16s ease-out; }
  @keyframes rise { from { transform: translateY(8px); opacity: 0; } }
}
`;
