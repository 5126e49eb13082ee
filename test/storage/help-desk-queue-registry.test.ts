import type { ChannelRegistration } from '../../src/domain/ports/channels';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { freshTables } from '../support/test-storage';

function registration(
  queue: ChannelRegistration['queue'],
  channelName: string,
  role: ChannelRegistration['role'] = 'help-desk',
): ChannelRegistration {
  return {
    role,
    teamId: `19:team-${channelName}@thread.tacv2`,
    channelId: `19:${channelName}@thread.tacv2`,
    channelName,
    conversationReference: { conversation: { id: `19:${channelName}@thread.tacv2` } },
    registeredBy: { aadObjectId: 'ad000000-0000-4000-8000-000000000001', displayName: 'Adele Vance' },
    registeredAt: '2026-11-20T10:00:00.000Z',
    settings: { locale: 'ko', timeZone: 'Asia/Seoul' },
    ...(queue ? { queue, scope: { businessUnits: ['재무팀 🧾'], categories: ['access' as const] } } : {}),
  };
}

describe('help desk queues in the conversations table', () => {
  let store: TableConversationStore;
  beforeAll(async () => {
    store = new TableConversationStore((await freshTables()).client('conversations'));
  });

  it('stores each queue under its id, lists the help desk ones (not the dedicated team), and removes a named one', async () => {
    expect(await store.listHelpDeskChannels()).toEqual([]);
    await store.saveChannel(registration(undefined, 'default'));
    await store.saveChannel(registration(undefined, 'pp', 'dedicated-team'));
    await store.saveChannel(registration('help-desk:q-0a1b2c3d', 'korean'));
    await store.saveChannel(registration('help-desk:access', 'access'));
    expect(await store.getChannel('help-desk')).toMatchObject({ channelName: 'default' });
    expect(await store.getChannel('help-desk:q-0a1b2c3d')).toEqual(registration('help-desk:q-0a1b2c3d', 'korean'));
    const listed = await store.listHelpDeskChannels();
    expect(listed.map((r) => r.channelName).sort()).toEqual(['access', 'default', 'korean']);

    // Registering the same queue again replaces it (the queue moves).
    await store.saveChannel(registration('help-desk:access', 'access-2'));
    expect((await store.getChannel('help-desk:access'))?.channelName).toBe('access-2');
    expect(await store.listHelpDeskChannels()).toHaveLength(3);

    expect(await store.removeChannel('help-desk:access')).toBe(true);
    expect(await store.removeChannel('help-desk:access')).toBe(false);
    expect(await store.getChannel('help-desk:access')).toBeUndefined();
    expect((await store.listHelpDeskChannels()).map((r) => r.channelName).sort()).toEqual(['default', 'korean']);
  });
});
