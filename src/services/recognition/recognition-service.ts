/**
 * A person's choice about the monthly thank-you cards: "stop thanks" (or the card's "Don't send me
 * these") and "start thanks". The choice is the caller's own, stored by their Entra object id from
 * the signed activity, never from card data; written with the ETag read, retried once on a race.
 */
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { RecognitionChoices } from '../../domain/ports/recognition';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text } from '../../domain/text';
import { messageAnswer, type Answer } from '../../presentation/answer';

export interface RecognitionServiceDeps {
  readonly choices: RecognitionChoices;
  readonly clock: Clock;
}

export class RecognitionService {
  constructor(private readonly deps: RecognitionServiceDeps) {}

  optOut(actor: PersonRef): Promise<Answer> {
    return this.choose(actor, true);
  }

  optIn(actor: PersonRef): Promise<Answer> {
    return this.choose(actor, false);
  }

  /** Who opted out (the report leaves them out of "most helpful"). */
  optedOut(): Promise<ReadonlySet<string>> {
    return this.deps.choices.optedOut();
  }

  private async choose(actor: PersonRef, optedOut: boolean, attempt = 0): Promise<Answer> {
    const stored = await this.deps.choices.read(actor.aadObjectId);
    // No row means the default: cards are sent.
    if ((stored?.optedOut ?? false) === optedOut)
      return messageAnswer(text(optedOut ? 'recognition.alreadyOptedOut' : 'recognition.alreadyOptedIn'));
    try {
      await this.deps.choices.write(actor.aadObjectId, { optedOut, changedAt: this.deps.clock.now().toISOString() }, stored?.etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      if (attempt === 0) return this.choose(actor, optedOut, 1);
      return messageAnswer(text('recognition.busy'));
    }
    return messageAnswer(text(optedOut ? 'recognition.optedOut' : 'recognition.optedIn'));
  }
}
