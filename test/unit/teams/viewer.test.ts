import type { Activity } from 'botbuilder';
import { ChannelViewers, viewerOfRegistration } from '../../../src/teams/channel-viewers';
import { activityHint } from '../../../src/teams/viewer';

const info = (fields: Record<string, unknown>) => ({ type: 'clientInfo', ...fields });
const hint = (activity: Record<string, unknown>) => activityHint(activity as Partial<Activity>);

describe('whose language and clock an activity tells', () => {
  test.each<[string, Record<string, unknown>, ReturnType<typeof activityHint>]>([
    [
      'the activity’s locale and the clientInfo zone',
      { locale: 'fr-FR', entities: [info({ locale: 'fr-FR', timezone: 'Europe/Paris' })] },
      { locale: 'fr', timeZone: 'Europe/Paris' },
    ],
    [
      'the clientInfo locale when the activity has none',
      { entities: [{ type: 'mention' }, info({ locale: 'ko-KR', timezone: 'Asia/Seoul' })] },
      { locale: 'ko', timeZone: 'Asia/Seoul' },
    ],
    ['the activity’s locale over the entity’s', { locale: 'sv-SE', entities: [info({ locale: 'en-US' })] }, { locale: 'sv' }],
    ['English for a language the bot does not speak', { locale: 'de-DE' }, { locale: 'en' }],
    ['a zone in any case, by its IANA name', { entities: [info({ timezone: 'europe/stockholm' })] }, { timeZone: 'Europe/Stockholm' }],
    ['nothing for an unknown zone or junk', { locale: 42, entities: [info({ timezone: 'Mars/Olympus' }), null, 'x'] }, {}],
    ['nothing for entities that are not a list', { entities: { type: 'clientInfo', timezone: 'Asia/Seoul' } }, {}],
    ['nothing at all', {}, {}],
  ])('%s', (_label, activity, expected) => {
    expect(hint(activity)).toEqual(expected);
  });

  it('reads a bounded number of entities', () => {
    const many = Array.from({ length: 1000 }, () => ({ type: 'mention' }));
    expect(hint({ entities: [...many, info({ timezone: 'Asia/Seoul' })] })).toEqual({});
  });
});

describe('a channel’s language and clock', () => {
  it('comes from its registration, en / UTC when it set none or names something unknown', () => {
    expect(viewerOfRegistration({ settings: { locale: 'ko', timeZone: 'Asia/Seoul' } })).toEqual({ locale: 'ko', timeZone: 'Asia/Seoul' });
    expect(viewerOfRegistration({})).toEqual({ locale: 'en', timeZone: 'UTC' });
    expect(viewerOfRegistration({ settings: { locale: 'xx', timeZone: 'Nowhere/Else' } })).toEqual({ locale: 'en', timeZone: 'UTC' });
  });

  it('is read once a minute at most, and at once after this instance registers', async () => {
    let reads = 0;
    let now = 0;
    let settings = { locale: 'fr', timeZone: 'Europe/Paris' };
    const registry = {
      getChannel: async (role: string) => {
        reads++;
        return role === 'help-desk' ? ({ role, teamId: 't', channelId: '19:help', settings } as never) : undefined;
      },
    };
    const viewers = new ChannelViewers(registry, () => now);
    expect(await viewers.ofChannel('19:help')).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    expect(await viewers.ofChannel('19:other')).toBeUndefined();
    expect(await viewers.ofRole('dedicated-team')).toEqual({ locale: 'en', timeZone: 'UTC' });
    expect(reads).toBe(2); // both roles, once
    settings = { locale: 'sv', timeZone: 'Europe/Stockholm' };
    now = 59_000;
    expect(await viewers.ofRole('help-desk')).toEqual({ locale: 'fr', timeZone: 'Europe/Paris' });
    viewers.forget();
    expect(await viewers.ofRole('help-desk')).toEqual({ locale: 'sv', timeZone: 'Europe/Stockholm' });
    expect(reads).toBe(4);
  });
});
