import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { linkFromPath } from "./chat/info.js";
import { LinkProblem } from "./components/LinkProblem.js";
import "./styles.css";

const root = document.getElementById("root");
if (root) {
  const link = linkFromPath(window.location.pathname);
  createRoot(root).render(
    <StrictMode>
      {link ? <App token={link.token} base={link.base} /> : <LinkProblem code="link_invalid" />}
    </StrictMode>,
  );
}
