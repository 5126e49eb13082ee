/** "under-supported" (admins from ADMIN_IDS, never from card data): this period's under-supported solutions and whom they were told to. */
import { noticePeriod } from '../../domain/governance/under-supported';
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { UnderSupportedNotices } from '../../domain/ports/under-supported-notices';
import { text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { underSupportedListCard } from '../../presentation/under-supported-cards';

/** Notices listed at most (the card must stay well under Teams' message size). */
export const MAX_LISTED_NOTICES = 20;

export class UnderSupportedAdmin {
  constructor(
    private readonly deps: { readonly notices: UnderSupportedNotices; readonly adminIds: ReadonlySet<string>; readonly clock: Clock },
  ) {}

  async list(actor: PersonRef): Promise<Answer> {
    if (!this.deps.adminIds.has(actor.aadObjectId.toLowerCase())) return messageAnswer(text('governance.underSupported.adminsOnly'));
    const period = noticePeriod(this.deps.clock.now());
    return cardAnswer(underSupportedListCard(period, await this.deps.notices.list(period, MAX_LISTED_NOTICES)));
  }
}
