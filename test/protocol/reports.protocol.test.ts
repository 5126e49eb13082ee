import type { ReportAggregator } from '../../src/services/reports/report-aggregator';
import { ALEX, personalMessage, user } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText } from '../support/cards';
import { channel } from '../support/channel-activities';
import { SOLUTIONS } from '../support/fixture-solutions';
import { HelpDeskDriver } from '../support/help-desk-driver';
import { rosterResponder } from '../support/team-roster';
import { fixedCatalog } from '../support/test-catalog';

const ADELE = user('Adele Vance', 'ad000000-0000-4000-8000-000000000001');
const LEAD = user('Lynne Robbins', '1e4d0000-0000-4000-8000-0000000000aa');
const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df');
const HELP = channel('Help desk', 'it');

/** Every chart of a bound card, by type, with its points. */
function charts(card: any): Array<{ type: string; title: string; data: any[] }> {
  return (card.body as any[]).filter((e) => typeof e.type === 'string' && e.type.startsWith('Chart.'));
}

describe('report (help desk lead and admins)', () => {
  let bot: BotHarness;
  let hd: HelpDeskDriver;
  let aggregator: ReportAggregator | undefined;
  let now = new Date('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    bot = await BotHarness.start(
      { ADMIN_IDS: ADELE.aadObjectId, REPORT_READER_IDS: LEAD.aadObjectId },
      {
        catalog: fixedCatalog(Object.values(SOLUTIONS)),
        clock: { now: () => now },
        sla: { intervalMs: 0 },
        reports: { foldIntervalMs: 0, onAggregator: (a) => (aggregator = a) },
      },
    );
    hd = new HelpDeskDriver(bot);
    bot.connector.respondWith(rosterResponder({ [HELP.teamId]: [ADELE, MEGAN] }));
    await hd.say(ADELE, HELP, 'register help desk');
  });
  afterAll(async () => bot.stop());

  async function ask(who: typeof ALEX, words: string, locale = 'en-US'): Promise<any> {
    const before = bot.connector.sentActivities.length;
    const answer = await bot.post({ ...personalMessage(words, { serviceUrl: bot.serviceUrl, from: who }), locale });
    expect(answer.status).toBe(200);
    await bot.connector.waitFor(() => bot.connector.sentActivities.length > before);
    return bot.connector.sentActivities[before];
  }

  it('counts what happened through the bot, and the card shows the hand count', async () => {
    // Seeded through the bot: three help desk requests in two weeks, one Critical; two resolved (the first answer to
    // each), one of them reopened.
    now = new Date('2026-11-10T09:00:00Z');
    const first = await hd.submit(ALEX);
    now = new Date('2026-11-17T09:00:00Z');
    const critical = await hd.submit(ALEX, { critical: true });
    await hd.submit(ALEX);
    now = new Date('2026-11-17T10:00:00Z');
    await hd.press(MEGAN, HELP, 'ticket.reply', { ticketId: critical.ticket.id, text: 'Looking into it now.' });
    await hd.press(MEGAN, HELP, 'ticket.resolve', { ticketId: critical.ticket.id, resolution: 'Restarted the flow.' });
    await hd.press(MEGAN, HELP, 'ticket.resolve', { ticketId: first.ticket.id, resolution: 'Sent the link.' });
    await hd.press(MEGAN, HELP, 'ticket.reopen', { ticketId: first.ticket.id });
    now = new Date('2026-11-23T10:00:00Z');

    // Nothing is counted before the aggregator folds the feed; after, exactly once.
    expect(await aggregator!.runOnce()).toBeGreaterThan(0);
    expect(await aggregator!.runOnce()).toBe(0);

    const sent = await ask(LEAD, 'report last 4 weeks');
    const card = sent.attachments[0].content;
    expect(card.version).toBe('1.5');
    const text = allText(card);
    expect(text).toContain('Support report');
    const [weekly, tiers] = charts(card);
    expect(weekly.type).toBe('Chart.Line');
    // Four weeks ending Monday 23 November: 27 Oct–2 Nov, 3–9, 10–16, 17–23.
    expect(weekly.data[0].values.map((p: any) => p.y)).toEqual([0, 0, 1, 2]);
    expect(weekly.data[1].values.map((p: any) => p.y)).toEqual([0, 0, 1, 2]);
    expect(tiers.type).toBe('Chart.Donut');
    expect(tiers.data).toEqual([
      { legend: 'No solution', value: 2 },
      { legend: 'Critical', value: 1 },
    ]);
    const sla = charts(card).find((c) => c.title === 'SLA met, in %')!;
    expect(sla.data.map((p: any) => p.x)).toEqual(['Sev C · first response · help-desk', 'Sev C · resolution · help-desk']);
    expect(sla.data.map((p: any) => p.y)).toEqual([100, 100]);
    expect(text).toContain('2 of 2 (100 %)');
    // Open: the untouched question and the reopened one.
    const backlog = charts(card).find((c) => c.type === 'Chart.VerticalBar')!;
    expect(backlog.title).toBe('Open tickets by age in days: 2 open');
    const rates = (card.body as any[]).find((e) => e.type === 'FactSet' && e.facts[0]?.title === 'Reopened after resolution');
    expect(rates.facts.map((f: any) => f.value)).toEqual(['1 of 2 (50 %)', '0 of 3 (0 %)']);
  });

  it('is refused to anyone else, and a period it cannot read is explained', async () => {
    expect((await ask(ALEX, 'report')).text).toBe("Reports are for the help desk lead and the bot's admins.");
    expect((await ask(ADELE, 'report next year')).text).toContain("I didn't understand that period.");
    const sent = await ask(ADELE, 'report');
    expect(allText(sent.attachments[0].content)).toContain('Support report');
  });

  it('is asked for in each language, and "report" followed by someone’s problem is not a report', async () => {
    expect(allText((await ask(LEAD, 'rapport 4 dernières semaines', 'fr-FR')).attachments[0].content)).toContain('Rapport du support');
    expect(allText((await ask(LEAD, '보고서 최근 3개월', 'ko-KR')).attachments[0].content)).toContain('지원 보고서');
    expect((await ask(LEAD, 'rapport semaine prochaine', 'fr-FR')).text).toContain("Je n'ai pas compris cette période");
    // Not a period, from someone who reads no reports: their problem starts the questionnaire instead of a refusal.
    const problem = await ask(ALEX, 'report the expense app crashes');
    expect(problem.text ?? '').not.toContain('Reports are for');
    expect(allText(problem.attachments?.[0]?.content ?? {})).not.toContain('Support report');
    // "Report a problem" is "new request", whoever says it.
    const lead = await ask(LEAD, 'Report a problem!');
    expect(lead.text ?? '').not.toContain("I didn't understand that period.");
    expect(allText(lead.attachments?.[0]?.content ?? {})).not.toContain('Support report');
  });
});
