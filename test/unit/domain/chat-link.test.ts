import { chatLinkFor } from '../../../src/domain/chat-link';
import { adele, megan, person } from './fixtures';

describe('chatLinkFor', () => {
  test('one person', () => {
    expect(chatLinkFor(megan)).toBe('https://teams.microsoft.com/l/chat/0/0?users=megan.bowen%40contoso.com');
  });

  test('several people and a pre-filled message, encoded', () => {
    expect(chatLinkFor([megan, adele], 'About "Expense Tracker" & more')).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=megan.bowen%40contoso.com,adele.vance%40contoso.com' +
        '&message=About%20%22Expense%20Tracker%22%20%26%20more',
    );
  });

  test('characters in an address cannot break out of the query', () => {
    const odd = { ...person('X'), email: 'a&b=c#d@contoso.com' };
    expect(chatLinkFor(odd)).toBe('https://teams.microsoft.com/l/chat/0/0?users=a%26b%3Dc%23d%40contoso.com');
  });
});
