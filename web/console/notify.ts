// Browser notifications for new escalations, so a collector working in another tab or window sees
// one arrive. Only after the collector turned them on (the browser asks once); the notification
// names the kind and the case reference, nothing of the debtor's words.
import { useEffect, useState } from "react";
import { label } from "./format.js";
import { useLiveEvents } from "./live.js";
import { navigate } from "./router.js";

type Permission = "default" | "granted" | "denied" | "unsupported";

const current = (): Permission =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

export function useNotificationPermission(): [Permission, () => void] {
  const [permission, setPermission] = useState<Permission>(current);
  useEffect(() => setPermission(current()), []);
  const ask = () => {
    if (typeof Notification === "undefined") return;
    void Notification.requestPermission().then((p) => setPermission(p));
  };
  return [permission, ask];
}

/** Shows a notification for every escalation that opens while the console is open. */
export function useEscalationNotifications(enabled: boolean): void {
  useLiveEvents(["escalation.opened"], (_name, payload) => {
    if (!enabled || current() !== "granted") return;
    const reference = payload.escalation?.case?.reference ?? "";
    const n = new Notification(`New escalation: ${label(payload.kind)}`, {
      body: reference ? `Case ${reference}` : "A case needs a person.",
      tag: `escalation-${payload.escalationId}`,
    });
    const caseId = payload.escalation?.case?.id;
    n.onclick = () => {
      window.focus();
      if (caseId) navigate(`/cases/${caseId}`);
    };
  });
}
