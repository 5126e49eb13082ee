import { activityBodyProblem } from '../../../src/http/activity-body';
import { shapeProblem } from '../../../src/http/json-shape';
import { actionExecute, botInstalled, personalMessage } from '../../support/activities';
import { channel, channelMention } from '../../support/channel-activities';
import { ALEX } from '../../support/activities';

const SERVICE_URL = 'http://127.0.0.1:3978/';
const LOCAL = { loopbackServiceUrlsOnly: true };
const ANY = { loopbackServiceUrlsOnly: false };

type Activity = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const message = (): Activity => personalMessage('hi', { serviceUrl: SERVICE_URL });
const invoke = (): Activity => actionExecute('intake.back', { intakeId: 'x' }, { serviceUrl: SERVICE_URL });

/** `depth` levels of `{"a": …}` around a string, built and parsed the way a request body is. */
function nested(depth: number): unknown {
  return JSON.parse('{"a":'.repeat(depth) + '"x"' + '}'.repeat(depth));
}

describe('activityBodyProblem: what Teams sends passes', () => {
  it.each<[string, () => Activity]>([
    ['a personal message', message],
    [
      'a channel message mentioning the bot',
      () => channelMention('open tickets', { serviceUrl: SERVICE_URL, from: ALEX, channel: channel('Help Desk', 'hd') }),
    ],
    ['a card action', invoke],
    ['the bot installed in personal scope', () => botInstalled({ serviceUrl: SERVICE_URL })],
    [
      'a message from the Agents Playground (no conversationType, no name, localhost)',
      () => {
        const activity = personalMessage('hi', { serviceUrl: 'http://localhost:56150/_connector' });
        delete (activity.conversation as { conversationType?: string }).conversationType;
        return { ...activity, from: { id: ALEX.id, aadObjectId: ALEX.aadObjectId } };
      },
    ],
    ['a service URL on IPv6 loopback', () => ({ ...message(), serviceUrl: 'http://[::1]:56150/_connector' })],
    [
      'a message with an empty text and a card value',
      () => ({ ...message(), text: '', value: { intakeId: 'x', nested: { list: [1, 2, { a: null }] } } }),
    ],
  ])('%s', (_label, build) => {
    expect(activityBodyProblem(build(), LOCAL)).toBeUndefined();
  });

  it('takes a Teams service URL when authentication, not the loopback rule, vouches for it', () => {
    expect(activityBodyProblem({ ...message(), serviceUrl: 'https://smba.trafficmanager.net/emea/' }, ANY)).toBeUndefined();
  });
});

describe('activityBodyProblem: malformed or hostile bodies are refused, with the reason', () => {
  const manyValues = JSON.parse(JSON.stringify(Array.from({ length: 30 }, () => Array.from({ length: 1_000 }, () => 0))));
  it.each<[string, () => unknown, RegExp]>([
    ['null', () => null, /must be a JSON object/],
    ['an array', () => [message()], /must be a JSON object/],
    ['a string', () => 'hello', /must be a JSON object/],
    ['5,000 levels of nesting in the value', () => ({ ...invoke(), value: nested(5_000) }), /nested more than 32 levels/],
    [
      '5,000 levels of nested arrays in channelData',
      () => ({ ...message(), channelData: JSON.parse('['.repeat(5_000) + ']'.repeat(5_000)) }),
      /nested more than 32 levels/,
    ],
    [
      'a list of 1,001 entries',
      () => ({ ...message(), entities: Array.from({ length: 1_001 }, () => ({ type: 'clientInfo' })) }),
      /more than 1000 entries/,
    ],
    [
      'an object with 501 fields',
      () => ({ ...message(), channelData: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, i])) }),
      /more than 500 fields/,
    ],
    ['30,000 values in all', () => ({ ...message(), value: manyValues }), /more than 20000 values/],
    ['a "__proto__" field', () => ({ ...message(), value: JSON.parse('{"__proto__": {"isAdmin": true}}') }), /field named "__proto__"/],
    ['a "constructor" field', () => ({ ...message(), channelData: { constructor: { prototype: {} } } }), /field named "constructor"/],
    ['no type', () => ({ ...message(), type: undefined }), /"type" must be a non-empty string/],
    ['an empty type', () => ({ ...message(), type: '' }), /"type" must be a non-empty string/],
    ['a numeric type', () => ({ ...message(), type: 42 }), /"type" must be a non-empty string/],
    ['no id', () => ({ ...message(), id: undefined }), /"id" must be a non-empty string/],
    ['another channel (Web Chat)', () => ({ ...message(), channelId: 'webchat' }), /only activities from Microsoft Teams/],
    ['another channel (Emulator)', () => ({ ...message(), channelId: 'emulator' }), /only activities from Microsoft Teams/],
    ['no channel', () => ({ ...message(), channelId: undefined }), /"channelId" must be a non-empty string/],
    ['no service URL', () => ({ ...message(), serviceUrl: undefined }), /"serviceUrl" must be a non-empty string/],
    ['a service URL that is no URL', () => ({ ...message(), serviceUrl: 'smba' }), /must be an absolute URL/],
    ['a service URL that is not http', () => ({ ...message(), serviceUrl: 'file:///etc/passwd' }), /must be an http\(s\) URL/],
    [
      'a service URL with credentials',
      () => ({ ...message(), serviceUrl: 'http://user:secret@127.0.0.1:3978/' }),
      /must not carry credentials/,
    ],
    [
      'a non-loopback service URL in local mode',
      () => ({ ...message(), serviceUrl: 'https://attacker.example/' }),
      /in local mode "serviceUrl" must be a loopback address/,
    ],
    [
      'a host that only starts like loopback, in local mode',
      () => ({ ...message(), serviceUrl: 'http://127.0.0.1.attacker.example/' }),
      /loopback address/,
    ],
    ['no from', () => ({ ...message(), from: undefined }), /"from" must be an object with an "id"/],
    ['a from without id', () => ({ ...message(), from: { name: 'Alex' } }), /"from.id" must be a non-empty string/],
    [
      'an aadObjectId with a line break',
      () => ({ ...message(), from: { ...ALEX, aadObjectId: `${ALEX.aadObjectId}\n` } }),
      /"from.aadObjectId" contains control characters/,
    ],
    ['a 10,000-character name', () => ({ ...message(), from: { ...ALEX, name: 'x'.repeat(10_000) } }), /"from.name" is longer than 512/],
    ['no recipient', () => ({ ...message(), recipient: undefined }), /"recipient" must be an object/],
    ['no conversation', () => ({ ...message(), conversation: undefined }), /"conversation" must be an object/],
    [
      'a conversation without id',
      () => ({ ...message(), conversation: { conversationType: 'personal' } }),
      /"conversation.id" must be a non-empty string/,
    ],
    [
      'a conversation id with a NUL',
      () => ({ ...message(), conversation: { id: 'a:1\u0000x' } }),
      /"conversation.id" contains control characters/,
    ],
    [
      'a conversation id with a carriage return',
      () => ({ ...message(), conversation: { id: 'a:1\r\nX-Injected: 1' } }),
      /control characters/,
    ],
    ['a conversation id with a C1 control', () => ({ ...message(), conversation: { id: 'a:1\u0085' } }), /control characters/],
    ['a conversation id with a line separator', () => ({ ...message(), conversation: { id: 'a:1\u2028' } }), /control characters/],
    [
      'a conversation id beyond ASCII (it is sent in an HTTP header; found by the fuzz test)',
      () => ({ ...message(), conversation: { id: 'a:𝔘𝔫𝔦𝔠𝔬𝔡𝔢' } }),
      /"conversation.id" must be printable ASCII/,
    ],
    ['a Korean sender id', () => ({ ...message(), from: { ...ALEX, id: '29:안녕' } }), /"from.id" must be printable ASCII/],
    [
      'a 513-character conversation id',
      () => ({ ...message(), conversation: { id: 'a'.repeat(513) } }),
      /"conversation.id" is longer than 512/,
    ],
    [
      'a non-boolean isGroup',
      () => ({ ...message(), conversation: { id: 'a:1', isGroup: 'yes' } }),
      /"conversation.isGroup" must be a boolean/,
    ],
    [
      'a tenant id with a tab',
      () => ({ ...message(), conversation: { id: 'a:1', tenantId: 't\t' } }),
      /"conversation.tenantId" contains control/,
    ],
    [
      'membersAdded: [null]',
      () => ({ ...botInstalled({ serviceUrl: SERVICE_URL }), membersAdded: [null] }),
      /"membersAdded\[0\]" must be an object/,
    ],
    [
      'membersAdded with a string',
      () => ({ ...botInstalled({ serviceUrl: SERVICE_URL }), membersAdded: ['28:bot'] }),
      /"membersAdded\[0\]" must be an object/,
    ],
    [
      'membersAdded with a member without id',
      () => ({ ...botInstalled({ serviceUrl: SERVICE_URL }), membersAdded: [{ id: '28:bot' }, {}] }),
      /"membersAdded\[1\].id"/,
    ],
    [
      'membersAdded not a list',
      () => ({ ...botInstalled({ serviceUrl: SERVICE_URL }), membersAdded: { id: '28:bot' } }),
      /"membersAdded" must be a list/,
    ],
    [
      'membersRemoved: [null]',
      () => ({ ...botInstalled({ serviceUrl: SERVICE_URL }), membersAdded: undefined, membersRemoved: [null] }),
      /"membersRemoved\[0\]"/,
    ],
    ['a numeric text', () => ({ ...message(), text: 42 }), /"text" must be a string/],
    ['a reply-to id with a control character', () => ({ ...invoke(), replyToId: 'x\u0007' }), /"replyToId" contains control/],
    ['entities: [null]', () => ({ ...message(), entities: [null] }), /"entities\[0\]" must be an object/],
    [
      'a mention without the mentioned account',
      () => ({ ...message(), entities: [{ type: 'mention', text: '<at>Bot</at>' }] }),
      /"entities\[0\].mentioned"/,
    ],
    [
      'a mention without text',
      () => ({ ...message(), entities: [{ type: 'mention', mentioned: { id: '28:bot' } }] }),
      /"entities\[0\].text" must be a string/,
    ],
    [
      'a mention in an activity without text (found by the fuzz test)',
      () => ({ ...message(), text: undefined, entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: '28:bot' } }] }),
      /"entities\[0\]" is a mention, which needs the activity's "text"/,
    ],
    [
      'an entity without a type (found by the fuzz test)',
      () => ({ ...message(), entities: [{ text: '<at>Bot</at>', mentioned: { id: '28:bot' } }] }),
      /"entities\[0\].type" must be a non-empty string/,
    ],
    ['an entity with a numeric type', () => ({ ...message(), entities: [{ type: 7 }] }), /"entities\[0\].type" must be a non-empty string/],
    ['attachments that are no list', () => ({ ...message(), attachments: 'card' }), /"attachments" must be a list/],
    ['channelData that is a string', () => ({ ...message(), channelData: 'x' }), /"channelData" must be an object/],
    [
      'a channelData tenant id with a NUL',
      () => ({ ...message(), channelData: { tenant: { id: 'x\u0000' } } }),
      /"channelData.tenant.id" contains control/,
    ],
    ['a channelData team that is a list', () => ({ ...message(), channelData: { team: [] } }), /"channelData.team" must be an object/],
    ['an invoke without a name', () => ({ ...invoke(), name: undefined }), /"name" must be a non-empty string/],
    ['a card action without a value', () => ({ ...invoke(), value: undefined }), /a card action needs "value.action"/],
    ['a card action whose value is a string', () => ({ ...invoke(), value: 'x' }), /a card action needs "value.action"/],
    ['a card action with a numeric verb', () => ({ ...invoke(), value: { action: { verb: 7 } } }), /"value.action.verb" must be a string/],
  ])('%s', (_label, build, reason) => {
    expect(activityBodyProblem(build(), LOCAL)).toMatch(reason);
  });
});

describe('shapeProblem walks without recursion', () => {
  it('refuses a million levels of nesting without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000));
    expect(shapeProblem(deep)).toMatch(/nested more than 32 levels/);
  });

  it('accepts exactly the limits and refuses one past them', () => {
    const limits = { maxDepth: 3, maxArrayLength: 2, maxObjectKeys: 2, maxNodes: 6 };
    expect(shapeProblem({ a: { b: [1, 2] } }, limits)).toBeUndefined(); // 3 levels, 5 values
    expect(shapeProblem({ a: { b: [[1]] } }, limits)).toMatch(/nested more than 3 levels deep \(at body\.a\.b\[0\]\)/);
    expect(shapeProblem({ a: [1, 2, 3] }, limits)).toMatch(/body\.a has more than 2 entries/);
    expect(shapeProblem({ a: 1, b: 2, c: 3 }, limits)).toMatch(/body has more than 2 fields/);
    expect(shapeProblem({ a: [1, 2], b: [3, 4] }, limits)).toMatch(/more than 6 values/);
  });
});
