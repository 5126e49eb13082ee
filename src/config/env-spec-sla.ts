/** The SLA clocks' variables (issue 13), listed in ENV_SPEC (env-spec.ts) with the other request and ticket settings. */
export const SLA_ENV = [
  {
    name: 'SLA_BUSINESS_HOURS',
    optional: true,
    default: 'Mon–Fri 09:00–17:00 UTC',
    description: 'the calendar of business-hours SLA clocks, e.g. `Mon-Fri 09:00-17:00 Europe/London`',
  },
  { name: 'SLA_HOLIDAYS', optional: true, default: 'none', description: 'comma-separated dates `YYYY-MM-DD` with no business hours' },
  {
    name: 'SLA_TARGETS',
    optional: true,
    default: 'Sev A 1 h 24×7, B 4 h, C 8 h first response',
    description:
      'first-response and resolution targets in minutes per severity and tier, `;`-separated `SEV[/TIER]=FIRST/RESOLUTION[@24x7|@business-hours]`, e.g. `A=30/240;B/Critical=120/960@24x7`',
  },
  {
    name: 'SLA_BREACH_POLICY',
    optional: true,
    default: '`Critical=escalate;Important=notify-lead;Productivity=alert;none=alert`',
    description:
      "what an SLA breach does besides the alert in the holding queue's channel, per tier (`Critical`, `Important`, `Productivity`, `none` = no solution) and optionally clock, `;`-separated `TIER[/first-response|/resolution]=escalate|notify-lead|alert`: `escalate` hands the ticket to the Power Platform team, `notify-lead` also sends the alert by DM to whoever registered the queue's channel; a whole tier's item applies before its clocks' items",
  },
  {
    name: 'QUEUE_BUSINESS_HOURS',
    optional: true,
    default: '`SLA_BUSINESS_HOURS` for every queue',
    description:
      'business hours of single queues, `;`-separated `QUEUE=DAYS HH:MM-HH:MM ZONE` with QUEUE `help-desk`, `help-desk:NAME` (as `register help desk for …` names it) or `dedicated-team`, e.g. `help-desk:finance=Mon-Fri 08:00-16:00 Europe/Paris`; their SLA clocks and on call follow them',
  },
  {
    name: 'ON_CALL_ROTA',
    optional: true,
    default: 'none (nobody is paged)',
    description:
      "on-call rotas, `;`-separated `QUEUE=START:ID,ID,…`: from START (`YYYY-MM-DD`, 00:00 in the queue's business-hours zone) each Entra object id is on call for one week in turn; a Sev A opened outside the queue's business hours is also sent to that week's member by DM",
  },
] as const;
