/**
 * Composition of "Suggest an improvement" (issue 16): feedback items from the help desk's tickets to
 * the Power Platform team, stored beside their ticket in the Cases table. Called by start-bot.ts.
 */
import type { Clock } from './domain/ports/clock';
import { SuggestionService } from './services/suggestions/suggestion-service';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableSuggestionStore } from './storage/suggestions/table-suggestion-store';
import { TableTicketStore } from './storage/tickets/table-ticket-store';
import type { TableService } from './storage/table-service';

export function createSuggestions(tables: TableService, clock: Clock, lists: ConstructorParameters<typeof TableTicketStore>[1]) {
  return new SuggestionService({
    suggestions: new TableSuggestionStore(tables.client('cases')),
    tickets: new TableTicketStore(tables.client('cases'), lists),
    channels: new TableConversationStore(tables.client('conversations')),
    clock,
  });
}
