// React's view of the chat client: one client per link, its snapshot as state.
import { useEffect, useState, useSyncExternalStore } from "react";
import { ChatClient } from "./client.js";
import { readInlineHistory } from "./inline-history.js";

export function useChat(token: string) {
  const [client] = useState(() => new ChatClient(token, { initial: readInlineHistory() }));
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  const snapshot = useSyncExternalStore(client.subscribe, client.getSnapshot);
  return { ...snapshot, send: client.send, act: client.act, dismiss: client.dismiss };
}

export type Chat = ReturnType<typeof useChat>;
