// Conversations outside the chat turn (app/ports/conversations.ts) on the database client.
import type { ConversationsStore } from "../../app/ports/conversations.js";
import {
  findCaseIdOfConversation,
  findConversationOfCase,
  findConversationState,
  postStaffMessage,
} from "../console/conversation-ops.js";
import { findMessageWithOffer } from "../console/messages.js";
import { getOrCreateConversation, saveState } from "../conversations.js";
import type { Prisma } from "../open.js";

export function conversationsStore(db: Prisma): ConversationsStore {
  return {
    getOrCreate: (caseId) => getOrCreateConversation(db, caseId),
    ofCase: (caseId) => findConversationOfCase(db, caseId),
    caseIdOf: (conversationId) => findCaseIdOfConversation(db, conversationId),
    state: (conversationId) => findConversationState(db, conversationId),
    saveState: (conversationId, state) => saveState(db, conversationId, state),
    messageWithOffer: (messageId) => findMessageWithOffer(db, messageId),
    postStaffMessage: (conversationId, message) => postStaffMessage(db, conversationId, message),
  };
}
