/**
 * The "floor" bot: the product's stack with nothing of the product in it, to tell what the stack
 * costs from what the product adds. restify 11, botbuilder's CloudAdapter (as teams-ai's
 * TeamsAdapter), a teams-ai Application with its default turn state over the project's own
 * TableStateStore, on the same Azurite. It answers every message with one card and every card action
 * with one card (the product's first questionnaire card, bound once at start), and does nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { CardFactory } from 'botbuilder';
import * as ACData from 'adaptivecards-templating';
import restify from 'restify';
import { TableService } from '../../../src/storage/table-service';
import { TableStateStore } from '../../../src/storage/table-state-store';

export interface FloorBot {
  readonly url: string;
  close(): Promise<void>;
}

export async function startFloorBot(connectionString: string, tablePrefix: string, port: number): Promise<FloorBot> {
  const tables = new TableService({ kind: 'connection-string', connectionString }, tablePrefix);
  await tables.client('botState').createTable();
  const card = firstQuestionnaireCard();

  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({
    adapter,
    botAppId: '',
    storage: new TableStateStore(tables.client('botState')),
    startTypingTimer: false,
  });
  app.activity('message', async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  });
  app.adaptiveCards.actionExecute(/.*/, async () => card);

  const server = restify.createServer({ name: 'floor-bot', handleUncaughtExceptions: false });
  server.post('/api/messages', restify.plugins.jsonBodyParser({ mapParams: false }), async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The product's "What do you need?" card, bound once with the data the product gives it. */
function firstQuestionnaireCard(): { type: 'AdaptiveCard'; [key: string]: unknown } {
  const file = path.resolve(__dirname, '../../../cards/intake-need.json');
  const template = new ACData.Template(JSON.parse(readFileSync(file, 'utf8')));
  const choices = [
    'Something is broken',
    'I need access',
    'Where do I find an app?',
    'A new connector or environment',
    'Power Platform is down',
  ].map((title, i) => ({ title, value: `c${i}` }));
  return template.expand({
    $root: { greeting: '', intakeId: '00000000-0000-4000-8000-000000000000', stepCount: 4, choices, selected: '', error: '' },
  });
}
