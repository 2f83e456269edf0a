// The embed script for creditors' sites:
//   <script src="https://HOST/widget.js" data-link="https://HOST/c/TOKEN" async></script>
// It adds a chat bubble that opens the debtor chat in an iframe. It loads nothing else (no fonts,
// no CDN) and touches the host page only through its own elements, styled through the CSSOM so
// that a strict host CSP (no inline styles) does not break it. Optional: data-label, data-locale.
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const raw = script.dataset.link ?? "";
  let link: URL;
  try {
    link = new URL(raw, script.src);
  } catch {
    return;
  }
  if (!/^https?:$/.test(link.protocol) || !/^\/c\/[A-Za-z0-9_-]{43}\/?$/.test(link.pathname)) {
    console.warn("amiable widget: data-link must be a chat link such as https://host/c/<token>");
    return;
  }
  const fr = (script.dataset.locale ?? document.documentElement.lang ?? "fr").toLowerCase().startsWith("fr");
  const words = fr
    ? {
        open: "Ouvrir la conversation sur votre dossier",
        close: "Fermer la conversation",
        title: "Conversation sur votre dossier",
        bubble: "Votre dossier",
      }
    : {
        open: "Open the conversation about your account",
        close: "Close the conversation",
        title: "Conversation about your account",
        bubble: "Your account",
      };
  const label = script.dataset.label || words.bubble;

  const css = (el: HTMLElement, style: Partial<CSSStyleDeclaration>) => Object.assign(el.style, style);
  const z = "2147483000";

  const bubble = document.createElement("button");
  bubble.type = "button";
  bubble.textContent = label;
  bubble.setAttribute("aria-label", words.open);
  bubble.setAttribute("aria-expanded", "false");
  bubble.dataset.amiable = "bubble";
  css(bubble, {
    position: "fixed",
    right: "16px",
    bottom: "16px",
    zIndex: z,
    minHeight: "48px",
    padding: "0 20px",
    border: "0",
    borderRadius: "24px",
    background: "#1f4e79",
    color: "#ffffff",
    font: "600 16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    boxShadow: "0 4px 14px rgba(0,0,0,0.25)",
    cursor: "pointer",
  });

  const panel = document.createElement("div");
  panel.dataset.amiable = "panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", words.title);
  panel.hidden = true;
  panel.style.display = "none";

  // A bar above the chat, so that the close button never covers the chat's own header.
  const bar = document.createElement("div");
  css(bar, {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flex: "none",
    height: "44px",
    padding: "0 4px 0 14px",
    background: "#1f4e79",
    color: "#ffffff",
    font: "600 15px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  });
  const heading = document.createElement("span");
  heading.textContent = label;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", words.close);
  css(close, {
    width: "40px",
    height: "40px",
    border: "0",
    borderRadius: "20px",
    background: "transparent",
    color: "#ffffff",
    font: "400 26px/40px system-ui, sans-serif",
    cursor: "pointer",
  });
  bar.append(heading, close);

  const frame = document.createElement("iframe");
  frame.title = words.title;
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.setAttribute("allow", "clipboard-write");
  css(frame, {
    width: "100%",
    flex: "1",
    minHeight: "0",
    border: "0",
    display: "block",
    background: "#f5f7fa",
  });

  const layout = () => {
    const small = window.matchMedia("(max-width: 480px)").matches;
    css(
      panel,
      small
        ? {
            position: "fixed",
            inset: "0",
            width: "100%",
            height: "100%",
            zIndex: z,
            flexDirection: "column",
            background: "#ffffff",
            borderRadius: "0",
            overflow: "hidden",
            boxShadow: "none",
          }
        : {
            position: "fixed",
            inset: "auto",
            right: "16px",
            bottom: "80px",
            width: "400px",
            height: "min(680px, calc(100vh - 100px))",
            zIndex: z,
            flexDirection: "column",
            background: "#ffffff",
            borderRadius: "16px",
            overflow: "hidden",
            boxShadow: "0 10px 40px rgba(0,0,0,0.3)",
          },
    );
  };

  const setOpen = (open: boolean) => {
    if (open && !frame.src) frame.src = link.href; // load the chat only when asked for
    panel.hidden = !open;
    // An inline display would override the hidden attribute: set both.
    panel.style.display = open ? "flex" : "none";
    bubble.setAttribute("aria-expanded", String(open));
    // Full screen on a phone: the bubble would cover the chat's send button.
    bubble.style.display = open && window.matchMedia("(max-width: 480px)").matches ? "none" : "";
    if (open) {
      layout();
      frame.focus();
    } else {
      bubble.focus();
    }
  };

  bubble.addEventListener("click", () => setOpen(Boolean(panel.hidden)));
  close.addEventListener("click", () => setOpen(false));
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") setOpen(false);
  });
  // Escape inside the chat (another document) arrives as a message from the chat page.
  window.addEventListener("message", (e) => {
    const data = e.data as { type?: unknown } | null;
    if (e.origin === link.origin && e.source === frame.contentWindow && data?.type === "amiable:close")
      setOpen(false);
  });
  window.addEventListener("resize", () => {
    if (!panel.hidden) layout();
  });

  panel.append(bar, frame);
  const mount = () => document.body.append(panel, bubble);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });
})();
