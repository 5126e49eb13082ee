import type { TestUser } from './activities';
import type { Responder } from './recording-connector';

/**
 * Answers the connector's team member calls (TeamsInfo.getTeamMember / getPagedTeamMembers) from a
 * fixed roster per team id: 404 for anyone who is not a member, as Teams does.
 */
export function rosterResponder(teams: Record<string, readonly TestUser[]>, next?: Responder): Responder {
  return (call) => {
    if (call.method === 'GET') {
      const paged = /\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(call.path);
      if (paged) {
        const members = teams[decodeURIComponent(paged[1])] ?? [];
        return { status: 200, body: { members: members.map(account) } };
      }
      const one = /\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(call.path);
      if (one) {
        const id = decodeURIComponent(one[2]).toLowerCase();
        const member = (teams[decodeURIComponent(one[1])] ?? []).find((m) => m.aadObjectId === id || m.id === id);
        return member
          ? { status: 200, body: account(member) }
          : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } } };
      }
    }
    return next?.(call);
  };
}

function account(user: TestUser) {
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    userPrincipalName: `${user.name.split(' ')[0].toLowerCase()}@contoso.example`,
  };
}
