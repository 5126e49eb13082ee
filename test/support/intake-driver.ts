import { actionExecute, personalMessage, TestUser, ALEX } from './activities';
import { BotHarness } from './bot-harness';
import { cardsIn } from './cards';

/** Plays a requester through the questionnaire over /api/messages, as Teams would. */
export class IntakeDriver {
  intakeId = '';

  constructor(
    private readonly bot: BotHarness,
    readonly user: TestUser = ALEX,
    /** Fields every activity of this user carries besides the usual ones (their Teams `locale`, entities). */
    private readonly fields: { readonly message?: Record<string, unknown>; readonly invoke?: Record<string, unknown> } = {},
  ) {}

  /** Sends a message and returns the last card the bot sent in reply (in this user's chat: drivers may run side by side). */
  async say(text: string): Promise<any> {
    const activity = { ...personalMessage(text, { serviceUrl: this.bot.serviceUrl, from: this.user }), ...this.fields.message };
    const conversationId = (activity.conversation as { id?: string }).id;
    const mine = () => this.bot.connector.sentActivities.filter((a) => a.conversation?.id === conversationId);
    const before = mine().length;
    const answer = await this.bot.post(activity);
    if (answer.status !== 200) throw new Error(`message answered ${answer.status}`);
    await this.bot.connector.waitFor(() => mine().length > before);
    const card = cardsIn(mine().slice(before)).pop();
    this.remember(card);
    return card;
  }

  /** Presses an Action.Execute button; returns the refreshed card (or the message text). */
  async press(verb: string, inputs: Record<string, unknown> = {}, intakeId = this.intakeId): Promise<any> {
    const answer = await this.bot.post({
      ...actionExecute(verb, { intakeId, ...inputs }, { serviceUrl: this.bot.serviceUrl, from: this.user }),
      ...this.fields.invoke,
    });
    if (answer.status !== 200) throw new Error(`invoke answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const card = answer.body.value;
    this.remember(card);
    return card;
  }

  private remember(card: any): void {
    const id = JSON.stringify(card ?? {}).match(/"intakeId":"([0-9a-f-]{36})"/)?.[1];
    if (id) this.intakeId = id;
  }
}
