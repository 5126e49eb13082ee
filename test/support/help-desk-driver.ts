import type { TableClient } from '@azure/data-tables';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { readJson } from '../../src/storage/stored-text';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import { actionExecute, TestUser } from './activities';
import { BotHarness } from './bot-harness';
import { cardsIn } from './cards';
import { channelActionExecute, channelMention, TestChannel } from './channel-activities';
import { IntakeDriver } from './intake-driver';

export const DETAILS = {
  title: 'Where do I find the travel app?',
  description: 'It is not in my apps list.',
  since: '',
  impact: 'me',
  urgency: 'workaround',
};

/** Drives the help desk side (channel) and the requester side (1:1) of tickets over /api/messages. */
export class HelpDeskDriver {
  readonly cases: TableCaseStore;
  readonly tickets: TableTicketStore;
  private readonly client: TableClient;

  constructor(private readonly bot: BotHarness) {
    this.client = bot.tables().client('cases');
    this.cases = new TableCaseStore(this.client, TicketListIndex.on(bot.tables()));
    this.tickets = TableTicketStore.on(bot.tables());
  }

  /** A requester walks the intake to a help desk request (a question, or a problem with a Critical solution). */
  async submit(user: TestUser, options: { critical?: boolean; details?: Partial<typeof DETAILS> } = {}) {
    const driver = new IntakeDriver(this.bot, user);
    await driver.say('new request');
    if (options.critical) {
      await driver.press('intake.need', { category: 'solution-problem' });
      await driver.press('intake.search', { query: 'invoice' });
      await driver.press('intake.solution', { solutionId: 'invoice-approval' });
    } else {
      await driver.press('intake.need', { category: 'find-or-how-to' });
    }
    await driver.press('intake.details', { ...DETAILS, ...options.details });
    const confirmation = await driver.press('intake.submit');
    const ticket = (await this.tickets.get(driver.intakeId))?.ticket;
    if (!ticket) throw new Error('no ticket was opened');
    return { driver, confirmation, ticket };
  }

  /** Says something to the bot (mentioned) in a channel; returns what it sent back. */
  async say(user: TestUser, channel: TestChannel, text: string): Promise<{ text?: string; card?: any }> {
    const before = this.bot.connector.sentActivities.length;
    const answer = await this.bot.post(channelMention(text, { serviceUrl: this.bot.serviceUrl, from: user, channel }));
    if (answer.status !== 200) throw new Error(`message answered ${answer.status}`);
    await this.bot.connector.waitFor(() => this.bot.connector.sentActivities.length > before);
    const sent = this.bot.connector.sentActivities.slice(before);
    return {
      text:
        sent
          .map((a) => a.text)
          .filter(Boolean)
          .join('\n') || undefined,
      card: cardsIn(sent).pop(),
    };
  }

  /** Presses a button on a ticket card in a channel; returns the invoke's answer (a card, or a message string). */
  async press(user: TestUser, channel: TestChannel, verb: string, data: Record<string, unknown>): Promise<any> {
    const answer = await this.bot.post(channelActionExecute(verb, data, { serviceUrl: this.bot.serviceUrl, from: user, channel }));
    if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.value;
  }

  /** Presses a button on a card in the user's 1:1 chat with the bot. */
  async pressPersonal(user: TestUser, verb: string, data: Record<string, unknown>): Promise<any> {
    const answer = await this.bot.post(actionExecute(verb, data, { serviceUrl: this.bot.serviceUrl, from: user }));
    if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.value;
  }

  /** Every outbox message a ticket's transactions wrote, whether still pending or already delivered. */
  async outbox(ticketId: string): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const prefix of [`out|${ticketId}`, `sent|${ticketId}`, `fail|${ticketId}`]) {
      const filter = `PartitionKey eq '${partitionOf(ticketId)}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
      for await (const row of this.client.listEntities({ queryOptions: { filter } })) out.push(readJson<OutboxMessage>(row, 'data'));
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }
}
