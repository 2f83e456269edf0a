// Conversations outside the chat turn (app/ports/conversations.ts) on the database client.
import type { ConversationsStore } from "../../app/ports/conversations.js";
import {
  findConversationOfCase,
  findConversationState,
  postStaffMessage,
} from "../console/conversation-ops.js";
import { getOrCreateConversation, saveState } from "../conversations.js";
import type { Prisma } from "../open.js";

export function conversationsStore(db: Prisma): ConversationsStore {
  return {
    getOrCreate: (caseId) => getOrCreateConversation(db, caseId),
    ofCase: (caseId) => findConversationOfCase(db, caseId),
    state: (conversationId) => findConversationState(db, conversationId),
    saveState: (conversationId, state) => saveState(db, conversationId, state),
    postStaffMessage: (conversationId, message) => postStaffMessage(db, conversationId, message),
  };
}
