/**
 * Teams deep links that open a 1:1 (or group) chat, used for the "Chat with …" button on cards.
 * Pure string building; the link is opened by the Teams client, never fetched by the bot.
 */
import type { Person } from './solution';

const CHAT_BASE = 'https://teams.microsoft.com/l/chat/0/0';

/** A link that opens a chat with the given people (by email / UPN), optionally pre-filling a message. */
export function chatLinkFor(people: Person | readonly Person[], message?: string): string {
  const list = Array.isArray(people) ? (people as readonly Person[]) : [people as Person];
  const users = list.map((p) => encodeURIComponent(p.email)).join(',');
  const text = message ? `&message=${encodeURIComponent(message)}` : '';
  return `${CHAT_BASE}?users=${users}${text}`;
}

/**
 * A link that opens the chat with the bot itself (`28:` + its app id) with a message typed in, e.g.
 * "help with expense-tracker": the "Get help" link makers put in their apps (Power Apps `Launch()`).
 */
export function botChatLinkFor(botAppId: string, message: string): string {
  return `${CHAT_BASE}?users=28:${encodeURIComponent(botAppId)}&message=${encodeURIComponent(message)}`;
}
